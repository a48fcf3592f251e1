import { emptyGraphHint } from '../../shared/analysis/empty-graph';
import { useEffect } from 'react';
import { LargeGraphMap } from '../graph/LargeGraphMap';
import { actions } from '../state/actions';
import { AccountPanel } from './account/AccountPanel';
import { useFollowSelectedNode } from './account/use-follow-selected-node';
import { CascadeView } from './cascade/CascadeView';
import { ExploreTabs } from './explore/ExploreTabs';
import { ThreadView } from './thread/ThreadView';
import { TimelineView } from './timeline/TimelineView';
import { useAppState } from '../state/store';
import { CommunitiesPanel } from './CommunitiesPanel';
import { CommunityDetail } from './CommunityDetail';
import { FiltersBar } from './FiltersBar';
import { ImportPanel } from './ImportPanel';
import { Legend } from './Legend';
import { ProjectPanel } from './ProjectPanel';
import { Toolbar } from './Toolbar';
import { count } from './format';

export function App() {
  const project = useAppState((s) => s.project);
  const output = useAppState((s) => s.analysis.output);
  const importOpen = useAppState((s) => s.importing.open);
  const analysisJob = useAppState((s) => s.analysis.jobId);
  const selectedCommunity = useAppState((s) => s.selection.selectedCommunity);
  const tab = useAppState((s) => s.explore.tab);
  const account = useAppState((s) => s.explore.account);
  useFollowSelectedNode(output);

  useEffect(() => {
    void actions().start();
  }, []);

  return (
    <div className="app">
      <Toolbar />
      {project.error && (
        <div className="error-banner" role="alert">
          {project.error}
        </div>
      )}
      <div className="workspace">
        {output && (
          <div className="side">
            <ExploreTabs output={output} />
            <CommunitiesPanel output={output} />
          </div>
        )}
        <main className="center">
          {importOpen && <ImportPanel />}
          {!project.loading && (!project.file || project.choosing) && <ProjectPanel />}
          {project.file && !output && !importOpen && analysisJob !== null && (
            <div className="empty" data-testid="analysis-running">
              <h2>Analysing…</h2>
              <p>Finding communities and the evidence behind each verdict; the map opens when it is done.</p>
            </div>
          )}
          {project.file && !output && !importOpen && analysisJob === null && (
            <div className="empty" data-testid="no-analysis">
              <h2>No analysis yet</h2>
              <p>
                {project.info
                  ? `${count(project.info.counts.accounts ?? 0)} accounts, ${count(project.info.counts.posts ?? 0)} posts, ${count(project.info.counts.interactions ?? 0)} interactions in this project.`
                  : ''}{' '}
                Import data, then press Analyze.
              </p>
            </div>
          )}
          {output && tab === 'cascades' && <CascadeView output={output} />}
          {output && tab === 'timelines' && <TimelineView />}
          {output && tab === 'thread' && <ThreadView output={output} />}
          {output && tab === 'map' && output.summary.counts.nodes === 0 && (
            <div className="empty" data-testid="empty-graph">
              <h2>The graph is empty</h2>
              <p>{sentence(emptyGraphHint(output.summary))} Change the options and press Analyze.</p>
            </div>
          )}
          {output && tab === 'map' && output.summary.counts.nodes > 0 && (
            <>
              <FiltersBar output={output} />
              <div className="map-wrap">
                <LargeGraphMap output={output} />
                <Legend output={output} />
              </div>
            </>
          )}
        </main>
        {output && account !== null && <AccountPanel key={account} accountId={account} />}
        {output && account === null && selectedCommunity !== null && (
          <CommunityDetail output={output} id={selectedCommunity} />
        )}
      </div>
    </div>
  );
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
