import zlib from 'node:zlib';
import type { BrandSettings, DeckDocument, DeckSlide } from '../../src/shared/deck/deck-document';
import { DEFAULT_BRAND } from '../../src/shared/deck/deck-document';

/** A solid-colour RGB PNG as base64, built by hand so tests need no image files. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): string {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return png.toString('base64');
}

/** 200 characters: the longest account name the app accepts. */
export const LONG_ACCOUNT_NAME = `Northwind & Partners <Integrated> Regional Health System of the Greater Metropolitan Tri-County Area — Department of Population Health, Remote Patient Monitoring & Chronic Care Management Programs 🩺 Ltd`.slice(0, 200);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep'];
const FOOT = { source: 'Platform enrollment & device data; payer claims feed <v2>', dateRange: 'Jan 1 – Sep 30, 2026' };

/** The brand used by the fixtures: defaults plus a logo and a hostile company name. */
export function fixtureBrand(companyName = 'Acme & Sons <Digital Health> "Care"'): BrandSettings {
  return { ...DEFAULT_BRAND, companyName, logoPng: solidPng(120, 40, [31, 78, 121]) };
}

/**
 * Every slide kind and chart type, a 60-row table that pages, 200-character names, 12-digit
 * numbers, missing values and hostile text (&, <, emoji, right-to-left).
 */
export function richSampleDocument(): DeckDocument {
  const rows = Array.from({ length: 60 }, (_, i): (string | null)[] => [
    i === 3 ? LONG_ACCOUNT_NAME : `Clinic ${i + 1} ${i % 7 === 0 ? '& Partners' : ''}`.trim(),
    i % 11 === 5 ? null : `${(40 + ((i * 37) % 55)).toFixed(0)}%`,
    i === 7 ? '123,456,789,012' : `${(1_000 + i * 137).toLocaleString('en-US')}`,
    i % 9 === 4 ? 'Watch' : 'On track',
  ]);
  const slides: DeckSlide[] = [
    { kind: 'title', title: `${LONG_ACCOUNT_NAME}`, meetingLabel: 'Quarterly Business Review · Q3 2026', subtitle: 'Remote patient monitoring: value delivered & what we ask of you today', dateLabel: 'October 14, 2026', notes: 'Open with the decision we need.' },
    {
      kind: 'bullets',
      title: 'Three decisions we are seeking today',
      subtitle: 'Each is tied to a number later in this deck',
      bullets: [
        { emphasis: 'Expand to 2 more clinics:', text: 'adds an estimated 640 eligible patients in Q1 2027.' },
        { emphasis: 'Approve the claims-data pilot:', text: 'needed to validate the readmission reduction with a matched cohort.' },
        { emphasis: 'Name an IT owner:', text: 'for the EHR integration upgrade due in November.', level: 0 },
        { text: 'Owner to confirm the <HL7 v2 → FHIR> migration window & downtime budget.', level: 1 },
      ],
      notes: 'Likely CFO question: what does the expansion cost per enrolled patient?',
    },
    {
      kind: 'bullets',
      title: 'Executive summary: device days rose 18% to 19.2, above the 16-day clinical threshold',
      bullets: [
        { figure: '19.2', emphasis: 'Average device days', text: 'per patient per month in Q3, up 18% from Q2 and above the 16-day billing threshold.' },
        { figure: '−23%', emphasis: 'ER visits', text: 'among enrolled patients vs a matched cohort (n = 412; 95% CI −31% to −14%).' },
        { figure: '$123,456,789,012', emphasis: 'Twelve-digit test:', text: 'a very large number must shrink, never overflow its column.' },
      ],
      footnote: FOOT,
      notes: 'Walk through the three findings; pause for questions after each.',
    },
    { kind: 'section', title: 'Value delivered', subtitle: 'Clinical outcomes, engagement and revenue', notes: 'Transition.' },
    {
      kind: 'kpis',
      title: 'Four of six KPIs are on track; adherence needs attention',
      tiles: [
        { label: 'Device days / patient / month', value: '19.2', delta: '+18% vs Q2', status: 'good', caption: 'Target 16' },
        { label: 'Enrolled patients', value: '1,284', delta: '+112 vs Q2', status: 'good' },
        { label: 'Adherence (16+ days)', value: '61%', delta: '−4 pts vs Q2', status: 'watch', caption: 'Target 70%' },
        { label: 'ER visits avoided (annualised)', value: null, status: 'neutral', caption: 'Awaiting claims feed' },
        { label: 'Net revenue per patient', value: '$123,456,789,012', delta: '+2% vs Q2', status: 'good' },
        { label: 'Integration uptime', value: '97.1%', delta: '−2.8 pts', status: 'risk', caption: 'SLA 99.5%' },
      ],
      footnote: FOOT,
      notes: 'Explain that the ER-visit KPI is missing, not zero.',
    },
    {
      kind: 'chart',
      title: 'Device days rose every month since May and crossed the 16-day threshold in July',
      chart: { id: 'device_days', type: 'line', title: 'Device days', labels: MONTHS, series: [{ id: 'days', label: 'Device days', unit: 'days', values: [13.1, 13.8, null, 14.9, 15.2, 16.4, 17.8, 18.6, 19.2] }, { id: 'peer', label: 'Peer median', unit: 'days', values: [14, 14.2, 14.1, 14.5, 14.4, null, 15, 15.1, 15.3] }], axisTitles: { y: 'Days per patient per month' }, targetLines: [{ label: 'Clinical threshold (16 days)', value: 16, unit: 'days' }] },
      altText: 'Line chart of device days per patient per month, January to September 2026, rising from 13.1 to 19.2; March missing.',
      callout: { figure: '+18%', label: 'Q3 vs Q2 average device days' },
      sideBullets: [{ text: 'March data missing (device vendor outage) — shown as a gap.' }, { text: 'Peer median from 14 anonymised RPM accounts.' }],
      footnote: FOOT,
      notes: 'Point at July: first month above threshold.',
    },
    {
      kind: 'chart',
      title: 'Billable RPM revenue grew to $412K in Q3',
      chart: { id: 'revenue', type: 'bar', title: 'Revenue', labels: ['Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026'], series: [{ id: 'revenue', label: 'Revenue', unit: 'usd', values: [281_000, 320_500, null, 412_000] }], axisTitles: { y: 'USD' }, targetLines: [] },
      altText: 'Column chart of quarterly billable revenue: $281K, $321K, Q2 missing, $412K.',
      footnote: { ...FOOT, note: 'Q2 revenue not yet reconciled' },
      notes: 'Q2 is missing because reconciliation is pending.',
    },
    {
      kind: 'chart',
      title: 'CPT 99454 drives 61% of billable revenue',
      chart: { id: 'cpt_mix', type: 'stacked-bar', title: 'Claims by CPT', labels: ['Jul', 'Aug', 'Sep'], series: [{ id: 'a', label: '99453 setup', unit: 'count', values: [12, 14, 11] }, { id: 'b', label: '99454 device supply', unit: 'count', values: [80, 84, 90] }, { id: 'c', label: '99457/99458 management', unit: 'count', values: [41, null, 47] }], axisTitles: { y: 'Claims (thousands)' }, targetLines: [{ label: 'Plan', value: 130, unit: 'count' }], footnote: 'Claims counted at submission; 99458 included with 99457.' },
      altText: 'Stacked column chart of claims by CPT code per month, July to September 2026.',
      footnote: FOOT,
      notes: 'August management claims missing from the feed.',
    },
    {
      kind: 'chart',
      title: 'Enrollment grew while cost per enrolled patient fell 14%',
      chart: {
        id: 'enrollment_cost',
        type: 'combo',
        title: 'Enrollment and cost',
        labels: ['Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026'],
        series: [
          { id: 'enrolled', label: 'Enrolled patients', unit: 'count', values: [902, 1_010, 1_172, 1_284], render: 'bar' },
          { id: 'cost', label: 'Cost per patient', unit: 'usd', values: [212, 201, null, 182], render: 'line', axis: 'secondary' },
        ],
        axisTitles: { y: 'Patients', y2: 'USD per patient' },
        targetLines: [{ label: 'Cost target $190', value: 190, unit: 'usd', axis: 'secondary' }],
      },
      altText: 'Combo chart: enrolled patients as columns rising from 902 to 1,284; cost per patient as a line falling from $212 to $182.',
      footnote: FOOT,
      notes: 'Cost per patient on the right axis.',
    },
    {
      kind: 'chart',
      title: 'Two thirds of enrolled patients are hypertension-only',
      chart: { id: 'conditions', type: 'doughnut', title: 'Conditions', labels: ['Hypertension', 'Diabetes', 'CHF', 'COPD 🫁', 'Other / unknown'], series: [{ id: 'patients', label: 'Patients', unit: 'count', values: [842, 231, 112, 64, 35] }], axisTitles: {}, targetLines: [] },
      altText: 'Doughnut chart of enrolled patients by condition: hypertension 842, diabetes 231, CHF 112, COPD 64, other 35.',
      footnote: FOOT,
      notes: 'Condition mix matters for the outcomes contract.',
    },
    {
      kind: 'funnel',
      title: 'Activation, not enrollment, is where patients drop out: 71% activate, 61% adhere',
      stages: [
        { label: 'Eligible', value: 2_410 },
        { label: 'Enrolled', value: 1_284 },
        { label: 'Activated', value: 912 },
        { label: 'Adherent', value: null },
      ],
      unit: 'count',
      altText: 'Horizontal bar funnel: eligible 2,410, enrolled 1,284, activated 912, adherent not measured.',
      footnote: FOOT,
      notes: 'Adherence count missing this quarter.',
    },
    {
      kind: 'two-column',
      title: 'Risks and the plays we are running',
      left: { heading: 'Early warnings', bullets: [{ text: 'Integration uptime fell to 97.1% (SLA 99.5%).' }, { text: 'Two clinics lost their RPM champion in August.' }, { text: 'مؤشرات المشاركة انخفضت في عيادتين' }] },
      right: { heading: 'Mitigation plays', bullets: [{ emphasis: 'IT:', text: 'joint incident review by Oct 31.' }, { emphasis: 'Clinics:', text: 'champion onboarding kit & office hours.' }, { text: 'שיחת מעקב עם צוות הסיעוד 📞' }] },
      footnote: FOOT,
      notes: 'Ask IT lead to commit to the review date.',
    },
    {
      kind: 'table',
      title: 'Clinic-level adherence and revenue',
      columns: [
        { header: 'Clinic', weight: 2.4 },
        { header: 'Adherence', align: 'right' },
        { header: 'Revenue (USD)', align: 'right', weight: 1.4 },
        { header: 'Status', align: 'center' },
      ],
      rows,
      footnote: FOOT,
      notes: 'Appendix detail; do not present line by line.',
    },
  ];
  return { title: 'QBR Q3 2026 — Northwind & Partners <Health>', brand: fixtureBrand(), slides, author: 'CSM <test> & co', createdAt: '2026-10-01T09:00:00Z' };
}

/** The benchmark's deck: 15 slides with 8 native charts (issue #8's "one deck" workload). */
export function benchDeckDocument(): DeckDocument {
  const chart = (i: number): DeckSlide => ({
    kind: 'chart',
    title: `Metric ${i + 1} rose 12% quarter over quarter to 19.${i}`,
    chart: {
      id: `chart_${i}`,
      type: (['line', 'bar', 'stacked-bar', 'combo', 'doughnut', 'line', 'bar', 'combo'] as const)[i]!,
      title: `Metric ${i + 1}`,
      labels: MONTHS,
      series:
        i === 3 || i === 7
          ? [{ id: 'v', label: 'Volume', unit: 'count', values: MONTHS.map((_, m) => 100 + m * 9), render: 'bar' }, { id: 'r', label: 'Rate', unit: 'percent', values: MONTHS.map((_, m) => 40 + m), render: 'line', axis: 'secondary' }]
          : i === 4
            ? [{ id: 's', label: 'Share', unit: 'count', values: MONTHS.map((_, m) => 10 + m) }]
            : [{ id: 't', label: 'This year', unit: 'count', values: MONTHS.map((_, m) => 10 + m + i) }, { id: 'l', label: 'Last year', unit: 'count', values: MONTHS.map((_, m) => 8 + m) }],
      axisTitles: {},
      targetLines: i === 0 || i === 1 ? [{ label: 'Target', value: 15, unit: 'count' }] : [],
    },
    altText: `Chart ${i + 1}`,
    sideBullets: i % 2 === 0 ? [{ text: 'A short talking point.' }, { text: 'Another point with a number: 42%.' }] : undefined,
    footnote: FOOT,
    notes: `Talking points for chart ${i + 1}.`,
  });
  const rows = Array.from({ length: 8 }, (_, i) => [`Clinic ${i + 1}`, `${50 + i}%`, `${1000 + i * 10}`]);
  const slides: DeckSlide[] = [
    { kind: 'title', title: 'Northwind Health', meetingLabel: 'Quarterly Business Review · Q3 2026', dateLabel: 'October 14, 2026' },
    { kind: 'bullets', title: 'Decisions we are seeking today', bullets: [{ text: 'Expand to two clinics.' }, { text: 'Approve the claims pilot.' }, { text: 'Name an IT owner.' }], notes: 'Open with the asks.' },
    { kind: 'kpis', title: 'Four of five KPIs on track', tiles: [{ label: 'Device days', value: '19.2', status: 'good' }, { label: 'Enrolled', value: '1,284', status: 'good' }, { label: 'Adherence', value: '61%', status: 'watch' }, { label: 'ER visits avoided', value: null, status: 'neutral' }], footnote: FOOT, notes: 'KPIs.' },
    chart(0),
    chart(1),
    chart(2),
    chart(3),
    { kind: 'section', title: 'Engagement' },
    chart(4),
    chart(5),
    chart(6),
    chart(7),
    { kind: 'two-column', title: 'Risks and plays', left: { heading: 'Risks', bullets: [{ text: 'Uptime 97.1%.' }] }, right: { heading: 'Plays', bullets: [{ text: 'Incident review.' }] }, notes: 'Risks.' },
    { kind: 'table', title: 'Clinic detail', columns: [{ header: 'Clinic' }, { header: 'Adherence', align: 'right' }, { header: 'Revenue', align: 'right' }], rows, footnote: FOOT, notes: 'Detail.' },
    { kind: 'bullets', title: 'Next 90 days', bullets: [{ emphasis: 'Oct:', text: 'incident review.' }, { emphasis: 'Nov:', text: 'EHR upgrade.' }], notes: 'Plan.' },
  ];
  return { title: 'Bench deck', brand: fixtureBrand('Northwind Health'), slides, createdAt: '2026-10-01T09:00:00Z' };
}
