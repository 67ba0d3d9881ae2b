// Whether the project is saved, always in view: 已保存 / 正在保存 / 保存失败 (with the reason and an
// export of the project, the only copy then), or read-only when another tab owns the project; the
// banners of those two are in SaveTrouble.tsx.
import { lazy, Suspense, useEffect } from 'react';
import type { Project } from '../core/types.ts';
import { useAppState } from '../state/store.ts';
import { download } from './download.ts';
import { useWords } from './durable-words.ts';

export async function downloadProject(project: Project, suffix = ''): Promise<void> {
  const { writeProjectBundle } = await import('../io/export/project-bundle.ts');
  download(await writeProjectBundle(project), `${project.name}${suffix}.zip`, 'application/zip');
}

const loadTrouble = () => import('./SaveTrouble.tsx');
const SaveTrouble = lazy(() => loadTrouble().then((m) => ({ default: m.SaveTrouble })));

export function SaveStatus() {
  const { w, lang } = useWords();
  const save = useAppState((s) => s.save);
  useEffect(() => {
    // fetched before it can be needed: a failed save may be the moment the network is gone too
    const id = setTimeout(() => void loadTrouble().catch(() => undefined), 3000);
    return () => clearTimeout(id);
  }, []);
  const at = save.state === 'saved' ? new Date(save.at) : null;
  switch (save.state) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <span className="save-status saving" data-testid="save-status" data-state="saving">
          {w('saving')}
        </span>
      );
    case 'saved':
      return (
        <span
          className="save-status saved"
          data-testid="save-status"
          data-state="saved"
          data-at={save.at}
          title={at?.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}
        >
          {w('saved')}
        </span>
      );
    case 'failed':
    case 'readonly':
      // the banner's reasons, words and export button (SaveTrouble.tsx) load when idle at start
      return (
        <Suspense
          fallback={
            <span
              className={`save-status ${save.state === 'failed' ? 'failed' : 'readonly'}`}
              role={save.state === 'failed' ? 'alert' : 'status'}
            >
              <b>{w(save.state === 'failed' ? 'saveFailed' : 'readOnly')}</b>
            </span>
          }
        >
          <SaveTrouble save={save} />
        </Suspense>
      );
  }
}
