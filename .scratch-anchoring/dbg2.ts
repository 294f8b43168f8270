import search from "../node_modules/approx-string-match/build/src/index.js";
import { widenToWords } from "../lib/anchoring/word-boundaries";
import { scoreQuoteCandidate } from "../lib/anchoring/score-quote-candidate";
const newText = "a a a a\n\naaa a a aaaa👍🏽aaa\n\na a a a";
const q = {"exact":"aaa a a aaaaaaaa","prefix":"a a a a\n\n","suffix":"\n\na a a a"};
for (const m of search(newText, q.exact, 4)) { const w = widenToWords(newText, m, q); console.log(m, w, scoreQuoteCandidate(newText, w, q, 9)); }
