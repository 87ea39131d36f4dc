// "Export Excel" beside the CSV export: the server builds the workbook (four sheets, the reader's
// language) for the table's pillar and phase filters; the browser saves it under the name it suggests.
import { Button, Text } from '@fluentui/react-components';
import { DocumentTable20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApp } from '../context.js';
import { useI18n } from '../i18n/index.js';
import { downloadBlob } from './csv.js';

export function WorkbookExport({ pillar, phase }: { pillar?: string; phase?: string }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { blob, fileName } = await api.portfolioWorkbook({ pillar, phase });
      downloadBlob(fileName ?? 'portfolio.xlsx', blob);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<DocumentTable20Regular />} disabled={busy} onClick={() => void run()}>
        {busy ? t('table.exportExcelBusy') : t('table.exportExcel')}
      </Button>
      {failed ? <Text role="alert">{t('table.exportExcelFailed')}</Text> : null}
    </>
  );
}
