import { useEffect } from 'react';
import { api } from '../../../api/client';
import { useJobStore } from '../../../state/job.store';
import { claimantDraft, saveClaimantDraft } from '../../../state/claimant.store';
import { useWizardNav } from '../../use-wizard-nav.hook';
import { useJobDerived } from '../../use-job-derived.hook';
import { saveLandDraft, shownFile, useDocumentsStore, usePackage } from '../../../state/documents.store';
import { FilePreview } from './file-preview';
import { GeneratePanel } from './generate-panel';
import { LandDescriptionForm } from './land-description-form';
import { PackageFileList, previewFiles } from './package-file-list';
import '../../../styles/documents.css';

function PreviewPane({ jobId }: { jobId: number }) {
  const { pkg, loaded } = usePackage(jobId);
  const selected = shownFile(pkg, useDocumentsStore((state) => state.selected));
  const generating = useDocumentsStore((state) => state.generating);
  const file = pkg ? (previewFiles(pkg).find((candidate) => candidate.name === selected) ?? null) : null;
  return (
    <section className="preview" aria-label="Preview" data-testid="package-preview" data-file={file?.name}>
      {pkg ? (
        <>
          <header className="preview__head">
            <h4>{file?.title ?? 'Preview'}</h4>
            {file && <span className="mono muted">{file.name}</span>}
          </header>
          <FilePreview jobId={jobId} generation={pkg.generation} generatedAt={pkg.generatedAt} file={file} />
        </>
      ) : (
        // Until main has said which package the job has, nothing: "generate the package" would be wrong for a moment.
        <div className="preview__empty muted">
          <span className="preview__empty-mark" aria-hidden="true" />
          {generating ? 'The preview opens when the package is ready.' : loaded ? 'Generate the package to preview its documents here.' : null}
        </div>
      )}
    </section>
  );
}

/**
 * What the documents will leave to be filled in by hand (the job check's warnings): blanks in the land description,
 * and what the staking rules warn about (a monument below the state's minimum, a missing date of discovery).
 */
function LandWarnings() {
  const check = useJobDerived()?.check;
  const warnings = check ? [...check.land, ...check.staking.warnings] : [];
  if (warnings.length === 0) return null;
  return (
    <ul className="derived-notes" data-testid="land-warnings">
      {warnings.map((warning, index) => (
        <li key={`${warning.code}:${index}`}>{warning.message}</li>
      ))}
    </ul>
  );
}

/** The staking package for this job: the land description it needs, generation with progress, files and preview. */
export function DocumentsStep() {
  const job = useJobStore((state) => state.job);
  const { pkg } = usePackage(job?.id);
  const hasDraft = useDocumentsStore((state) => state.jobId === job?.id && state.draft !== null);
  const { goTo } = useWizardNav();
  const jobId = job?.id;

  useEffect(() => {
    if (jobId === undefined) return;
    claimantDraft();
    const documents = useDocumentsStore.getState();
    documents.open(jobId);
    // An untouched land description is filled from the imported PLSS as the step opens (staff may edit it after).
    void documents.fillFromPlss('if-blank');
    // Leaving the step unmounts the forms: what was typed is saved even if no field was blurred.
    return () => {
      void saveClaimantDraft();
      void saveLandDraft();
    };
  }, [jobId]);

  // Subscribed for as long as the step is open, not per click: under the browser host the event stream needs a
  // moment to connect, and the first document can finish within it.
  useEffect(
    () =>
      api.onDocumentsProgress((progress) => {
        if (progress.kind === 'package') useDocumentsStore.getState().onProgress(progress);
      }),
    [],
  );

  if (!job || !hasDraft) return null;

  return (
    <div className="documents-step" data-testid="documents-step">
      <div className="documents-step__side">
        <div>
          <h3 className="step-page__title">Documents</h3>
          <p className="muted">
            The notices, corner cards, maps, fees sheet and GPS files for {job.order.orderNumber}, made from this job’s layout,
            monuments and claimant.
          </p>
        </div>
        <LandDescriptionForm onEditClaimant={() => void goTo('claimant')} />
        <LandWarnings />
        <GeneratePanel />
        {pkg && <PackageFileList pkg={pkg} />}
      </div>
      <PreviewPane jobId={job.id} />
    </div>
  );
}
