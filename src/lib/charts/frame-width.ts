/**
 * The last width each chart frame was measured at on screen, by title (ChartFrame): a chart
 * that a filter change removes and brings back starts at it instead of reading the layout while
 * the page is being updated. Browser memory only; a stale width (the window resized meanwhile)
 * is corrected by the frame's ResizeObserver before the frame is painted.
 */
export const lastWidth = new Map<string, number>();
