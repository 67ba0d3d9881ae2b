// The default investment-intensity threshold (万元/亩) below which an enterprise plot is flagged,
// apart from the report code so the page can read it without loading the analyses.
export const DEFAULT_INTENSITY_THRESHOLD = 120;
