import { render } from 'preact';
import '../../components/ui.css';
import '../../components/forms/forms.css';
import { FormPage } from '../../components/forms/FormPage';
import { XLSX_MIME } from '../../lib/export/xlsx';
import { loadSettings } from '../../platform/settings';
import { storageDrafts } from './drafts';
import { saveFile } from '../../components/save-file';

function download(bytes: Uint8Array, fileName: string): void {
  saveFile(bytes, fileName, XLSX_MIME);
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
