/** The chart library: import components and view-model types from `$lib/charts`. */
export { default as ChartFrame } from './ChartFrame.svelte';
export { default as AxisX } from './AxisX.svelte';
export { default as AxisY } from './AxisY.svelte';
export { default as Legend } from './Legend.svelte';
export { default as Tooltip } from './Tooltip.svelte';
export { default as DataTable } from './DataTable.svelte';
export { default as ChartCard } from './ChartCard.svelte';
export { default as LineChart } from './LineChart.svelte';
export { default as BarChart } from './BarChart.svelte';
export { default as GapBars } from './GapBars.svelte';
export { default as DistributionChart } from './DistributionChart.svelte';
export { default as MedianIntervals } from './MedianIntervals.svelte';
export { getChartContext, setChartContext, type ChartContext, type Padding } from './context';
export type { ScaleKind, ScaleSpec } from './scales';
export { buildExportSvg, downloadBlob, escapeXml, safeFilename, svgToPngBlob, type ExportOptions } from './export';
export type * from '$lib/views/chart-models';
