import { render } from 'preact';
import '../../components/ui.css';
import '../../components/forms/forms.css';
import { FormPage } from '../../components/forms/FormPage';
import { XLSX_MIME } from '../../lib/export/xlsx';
import { loadSettings } from '../../platform/settings';
import { storageDrafts } from './drafts';

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function main() {
  const params = new URLSearchParams(location.search);
  const appendix = params.get('appendix') === '1' ? 1 : 2;
  const region = await loadSettings().then((s) => s.profile.region, () => '');
  render(
    <FormPage
      initialAppendix={appendix}
      store={storageDrafts}
      defaults={{ region }}
      download={download}
      print={() => window.print()}
      copy={(text) => navigator.clipboard.writeText(text)}
    />,
    document.getElementById('app')!,
  );
}

void main();
