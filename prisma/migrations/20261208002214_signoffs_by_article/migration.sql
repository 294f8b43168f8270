-- CreateIndex
CREATE INDEX "Annotation_articleId_signedOffAt_deletedAt_idx" ON "Annotation"("articleId", "signedOffAt", "deletedAt");
