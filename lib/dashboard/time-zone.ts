/**
 * The newsroom's day boundaries for per-day charts, the same zone the UI formats dates in
 * (lib/i18n/request.ts). A newsroom elsewhere changes both.
 */
export const NEWSROOM_TIME_ZONE = "Europe/Paris";
