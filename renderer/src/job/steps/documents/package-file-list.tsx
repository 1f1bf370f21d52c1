import { DOCUMENT_FILES, MANIFEST_FILE, type PackageProblem } from '../../../../../shared/documents/package-files';
import type { PackageInfo } from '../../../../../shared/documents/package-info.types';
import { formatCount } from '../../../lib/format';
import { formatBytes } from '../../../lib/file-bytes';
import { shownFile, useDocumentsStore } from '../../../state/documents.store';

export type PreviewFile = { name: string; title: string };

/** The files a preview can show: every manifest entry, then the manifest itself. */
export function previewFiles(pkg: PackageInfo): PreviewFile[] {
  return [...pkg.manifest.files.map((file) => ({ name: file.name, title: DOCUMENT_FILES[file.kind].title })), { name: MANIFEST_FILE, title: 'Manifest' }];
}

function ProblemList({ problems }: { problems: PackageProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="package-problems" aria-labelledby="package-problems-title" data-testid="package-problems">
      <h4 id="package-problems-title" className="step-page__subtitle">Left out · {problems.length}</h4>
      <ul className="issues issues--warning">
        {problems.map((problem, i) => (
          <li key={i} className="issues__item">
            <strong className="issues__claim">
              {DOCUMENT_FILES[problem.document].title}
              {problem.claim ? ` · ${problem.claim}` : ''}:{' '}
            </strong>
            {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the package holds, as the manifest records it: pick a row (its name is a button, for keyboards) to preview it. */
export function PackageFileList({ pkg }: { pkg: PackageInfo }) {
  const selected = shownFile(pkg, useDocumentsStore((state) => state.selected));
  const select = useDocumentsStore((state) => state.select);
  const { files, problems } = pkg.manifest;
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);

  return (
    <>
      <table className="package-files" data-testid="package-files" aria-label="Package files">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col" className="num">Pages</th>
            <th scope="col" className="num">Size</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr
              key={file.name}
              className={file.name === selected ? 'is-selected' : undefined}
              aria-selected={file.name === selected}
              data-testid="package-file"
              data-file-name={file.name}
              data-kind={file.kind}
              onClick={() => select(file.name)}
            >
              <td>
                <button type="button" className="package-files__name">
                  {DOCUMENT_FILES[file.kind].title}
                </button>
                <span className="package-files__file mono">{file.name}</span>
              </td>
              <td className="num">{file.pages ?? <span className="muted">—</span>}</td>
              <td className="num">{formatBytes(file.bytes)}</td>
              <td>
                <span className="mono muted" title={file.sha256}>
                  {file.sha256.slice(0, 12)}…
                </span>
              </td>
            </tr>
          ))}
          <tr className={selected === MANIFEST_FILE ? 'is-selected' : undefined} aria-selected={selected === MANIFEST_FILE} data-testid="package-file" data-file-name={MANIFEST_FILE} onClick={() => select(MANIFEST_FILE)}>
            <td>
              <button type="button" className="package-files__name">
                Manifest
              </button>
              <span className="package-files__file mono">{MANIFEST_FILE}</span>
            </td>
            <td colSpan={3} className="muted">
              Lists every file with its size and checksum
            </td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{formatCount(files.length)} files</th>
            <td className="num">{formatCount(files.reduce((sum, file) => sum + (file.pages ?? 0), 0))}</td>
            <td className="num">{formatBytes(totalBytes)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <ProblemList problems={problems} />
    </>
  );
}
