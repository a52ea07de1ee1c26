import { BarController, BarElement, CategoryScale, Chart, DoughnutController, ArcElement, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

/*
 * chart.js with only what chartJsConfig draws (bar, line and doughnut charts, category and linear
 * axes, tooltips; legends are our own), registered once. ChartView imports this module lazily,
 * so chart.js is loaded when the first chart is shown, not with the app.
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip);

export { Chart };
