// The INTERACTIVE COMMISSION REPORTING TOOL (BK-5): filters in the address, commission by month
// stacked by line of business (recharts, loaded with this page only; its keyboard layer on, and the
// same figures as a table), the accounts paid most, and the lines behind it as CSV.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, type FormEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LINE_OF_BUSINESS_LABELS, LINES_OF_BUSINESS, type TLineOfBusiness } from '../../../shared/book.ts';
import { ZReportQuery, type TCommissionReport, type TReportQuery } from '../../../shared/commission-schemas.ts';
import { COMMISSION_TRANSACTION_LABELS, COMMISSION_TRANSACTION_TYPES } from '../../../shared/commissions.ts';
import { formatCents } from '../../../shared/request-fields.ts';
import type { TToolId } from '../../app/tools.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { queryString } from '../../api.ts';
import { LINE_OPTIONS } from '../book/client-filters.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { commissionKeys, fetchReport, monthName } from './commissions-api.ts';

export type TReportTool = Extract<TToolId, 'producer-commission-report' | 'retail-commission-report'>;

/** One colour per line of business, distinguishable and dark enough against white (WCAG 1.4.11). */
const COLORS: Record<TLineOfBusiness, string> = {
  'major-medical': '#0b4f8a',
  'medicare-supplement': '#b45309',
  'medicare-advantage': '#047857',
  'prescription-drug': '#7c3aed',
  dental: '#be123c',
  vision: '#0e7490',
  'group-medical': '#1d4ed8',
  'group-dental': '#a16207',
  'group-life': '#4d7c0f',
};

const TYPE_OPTIONS = COMMISSION_TRANSACTION_TYPES.map((type) => ({ value: type, label: COMMISSION_TRANSACTION_LABELS[type] }));

export function ReportPage({ tool }: { tool: TReportTool }) {
  return (
    <ToolPage tool={tool}>
      {() => (
        <>
          <PageHeading>Interactive Commission Reporting Tool</PageHeading>
          <Report />
        </>
      )}
    </ToolPage>
  );
}

function Report() {
  const prefix = useId();
  const { query, setQuery } = useUrlQuery(ZReportQuery);
  const report = useQuery({ queryKey: commissionKeys.report(query), queryFn: () => fetchReport(query), placeholderData: keepPreviousData });
  const data = report.data;
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : undefined;
    };
    setQuery({ from: text('from'), to: text('to'), account: text('account'), line: text('line'), type: text('type') });
  };
  return (
    <>
      {/* Remounted when the address changes, so Back shows the filters that were applied. */}
      <form key={JSON.stringify(query)} className="toolbar" role="search" aria-label="Report filters" onSubmit={apply}>
        <TextField id={`${prefix}-from`} name="from" label="From month" type="month" defaultValue={query.from ?? data?.from ?? ''} />
        <TextField id={`${prefix}-to`} name="to" label="To month" type="month" defaultValue={query.to ?? data?.to ?? ''} />
        <TextField id={`${prefix}-account`} name="account" label="Account or policy" maxLength={32} defaultValue={query.account ?? ''} />
        <SelectField id={`${prefix}-line`} name="line" label="Line of Business" placeholder="Any line" options={LINE_OPTIONS} defaultValue={query.line ?? ''} />
        <SelectField id={`${prefix}-type`} name="type" label="Transaction type" placeholder="Any type" options={TYPE_OPTIONS} defaultValue={query.type ?? ''} />
        <button type="submit" className="button">
          Apply
        </button>
      </form>
      {report.error ? <ErrorAlert>{report.error.message}</ErrorAlert> : null}
      {data ? <ReportBody report={data} query={query} busy={report.isFetching} /> : report.error ? null : <p className="loading">Loading the report…</p>}
    </>
  );
}

function ReportBody({ report, query, busy }: { report: TCommissionReport; query: TReportQuery; busy: boolean }) {
  const lines = LINES_OF_BUSINESS.filter((line) => report.months.some((m) => m.byLine.some((c) => c.lineOfBusiness === line)));
  const chartData = report.months.map((m) => ({
    month: m.period,
    ...Object.fromEntries(m.byLine.map((c) => [c.lineOfBusiness, c.totalCents / 100])),
  }));
  const csv = `/api/commissions/report/csv${queryString({ ...query, from: report.from, to: report.to })}`;
  return (
    <>
      <p aria-live="polite">
        {monthName(report.from)} to {monthName(report.to)}: <strong>{formatCents(report.totalCents)}</strong> on {report.lines.toLocaleString('en-US')} lines.{' '}
        <a href={csv} download>
          Download these lines as CSV
        </a>
      </p>
      <figure className="chart" aria-labelledby="commission-chart-caption">
        <figcaption id="commission-chart-caption">Commission by month, stacked by line of business (the table below has the same figures)</figcaption>
        <ResponsiveContainer width="100%" height={320}>
          <BarChart data={chartData} accessibilityLayer margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis tickFormatter={(value: number) => `$${value.toLocaleString('en-US')}`} />
            <Tooltip formatter={(value) => formatCents(Math.round(Number(value) * 100))} />
            <Legend />
            {lines.map((line) => (
              <Bar key={line} dataKey={line} name={LINE_OF_BUSINESS_LABELS[line]} stackId="commission" fill={COLORS[line]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <DataTable
        caption="Commission by month and line of business"
        columns={[
          { id: 'month', label: 'Month', rowHeader: true, render: (m) => monthName(m.period) },
          ...lines.map((line) => ({
            id: line,
            label: LINE_OF_BUSINESS_LABELS[line],
            render: (m: TCommissionReport['months'][number]) => formatCents(m.byLine.find((c) => c.lineOfBusiness === line)?.totalCents ?? 0),
          })),
          { id: 'total', label: 'Total', render: (m) => formatCents(m.totalCents) },
        ]}
        rows={report.months}
        rowKey={(m) => m.period}
        empty="No months in this range."
        busy={busy}
      />
      <DataTable
        caption="Accounts paid the most in this range"
        columns={[
          { id: 'account', label: 'Account/Policy', rowHeader: true, render: (a) => a.accountNumber },
          { id: 'name', label: 'Name', render: (a) => a.accountName },
          { id: 'lines', label: 'Lines', render: (a) => a.lines },
          { id: 'total', label: 'Total', render: (a) => formatCents(a.totalCents) },
        ]}
        rows={report.accounts}
        rowKey={(a) => a.accountNumber}
        empty="No commission matches these filters."
      />
    </>
  );
}
