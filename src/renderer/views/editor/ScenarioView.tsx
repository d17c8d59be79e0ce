/**
 * The scenario view: the gallery of shipped scenarios beside a CodeMirror YAML editor that shows
 * the loader's schema errors in place.
 */
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { EditorView } from 'codemirror';
import { useMemo, useRef } from 'react';
import { formatIssue, parseScenario } from '../../../simulator/index.js';
import { editText, loadIntoWorker, saveScenario, showView } from '../../store/actions.js';
import { studioStore, useStudio } from '../../store/studio.js';
import type { IssueView } from '../../worker/protocol.js';
import { Gallery } from './Gallery.js';
import { issueRange } from './issue-range.js';
import { checkPolicyWarnings, policyWarningStore, usePolicyWarnings } from './policy-warnings.js';

/** Parses the editor text with the simulator's loader and returns its issues, ready to show. */
export function checkScenarioText(text: string, file: string): IssueView[] {
  if (text.trim() === '') return [];
  const parsed = parseScenario(text, file);
  if (parsed.ok) return [];
  return parsed.issues.map((issue) => ({
    line: issue.line,
    column: issue.column,
    pointer: issue.pointer,
    message: issue.fix ? `${issue.message}. Fix: ${issue.fix}` : issue.message,
    text: formatIssue(issue),
  }));
}

const scenarioLinter = linter(
  (view): Diagnostic[] => {
    const { file } = studioStore.getState();
    const issues = checkScenarioText(view.state.doc.toString(), file);
    studioStore.setState({ editorIssues: issues });
    const warnings = issues.length > 0 ? [] : checkPolicyWarnings(view.state.doc.toString(), file);
    policyWarningStore.setState({ warnings });
    const errors: Diagnostic[] = issues.map((issue) => ({
      ...issueRange(view.state.doc, issue),
      severity: 'error',
      source: issue.pointer || 'scenario',
      message: issue.message,
    }));
    // Policy lint findings show as warnings: the scenario is valid and runs, but the policies may hurt.
    return errors.concat(
      warnings.map((warning) => ({
        ...issueRange(view.state.doc, warning),
        severity: 'warning',
        source: `policy lint: ${warning.code}`,
        message: `${warning.pointer}: ${warning.message}. Fix: ${warning.fix}`,
      })),
    );
  },
  { delay: 300 },
);

const EDITOR_THEME = EditorView.theme({
  '&': { height: '100%', fontSize: '12.5px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
});

/** Renders the gallery and the editor with its issue list. */
export function ScenarioView() {
  const text = useStudio((state) => state.text);
  const file = useStudio((state) => state.file);
  const dirty = useStudio((state) => state.dirty);
  const issues = useStudio((state) => state.editorIssues);
  const loadIssues = useStudio((state) => state.loadIssues);
  const warnings = usePolicyWarnings();
  const editorRef = useRef<ReactCodeMirrorRef>(null);
  const extensions = useMemo(() => [yaml(), scenarioLinter, lintGutter(), EDITOR_THEME, EditorView.lineWrapping], []);

  const jumpTo = (issue: Pick<IssueView, 'line' | 'column'>) => {
    const view = editorRef.current?.view;
    if (!view) return;
    const range = issueRange(view.state.doc, issue);
    view.dispatch({ selection: { anchor: range.from, head: range.to }, scrollIntoView: true });
    view.focus();
  };

  const visibleIssues = issues.length > 0 ? issues : loadIssues;
  return (
    <div className="scenario-layout">
      <section className="panel gallery-panel" aria-label="Scenario gallery">
        <h2 className="panel-title">Shipped scenarios</h2>
        <Gallery />
      </section>
      <section className="panel editor-panel" aria-label="Scenario editor">
        <div className="editor-toolbar">
          <span className="mono">{file}</span>
          {dirty ? <span className="badge warn">unsaved</span> : <span className="badge">saved</span>}
          <span className="spacer" />
          <span className={visibleIssues.length > 0 ? 'issue-count bad' : 'issue-count good'} data-testid="issue-count" data-count={visibleIssues.length}>
            {visibleIssues.length === 0 ? 'No issues' : `${visibleIssues.length} issue${visibleIssues.length === 1 ? '' : 's'}`}
          </span>
          {warnings.length > 0 && visibleIssues.length === 0 ? (
            <span className="issue-count warn" data-testid="warning-count" data-count={warnings.length}>
              {warnings.length} policy warning{warnings.length === 1 ? '' : 's'}
            </span>
          ) : null}
          <button type="button" onClick={() => void saveScenario()} disabled={text.trim() === ''} data-testid="editor-save">
            Save
          </button>
          <button
            type="button"
            className="primary"
            disabled={text.trim() === '' || issues.length > 0}
            data-testid="editor-run"
            onClick={() => {
              loadIntoWorker();
              showView('run');
            }}
          >
            Run this scenario
          </button>
        </div>
        <div className="editor-host" data-testid="scenario-editor">
          <CodeMirror
            ref={editorRef}
            value={text}
            height="100%"
            theme="dark"
            extensions={extensions}
            onChange={(value) => editText(value)}
            placeholder="Write a scenario (schemaVersion, name, clock, systems, load) or open one from the gallery"
          />
        </div>
        {visibleIssues.length > 0 ? (
          <ul className="issue-list" data-testid="issue-list">
            {visibleIssues.map((issue, index) => (
              <li key={index} data-testid="editor-issue" data-line={issue.line ?? ''} onClick={() => jumpTo(issue)}>
                <span className="mono issue-pos">{issue.line === null ? '—' : `${issue.line}:${issue.column ?? 1}`}</span>
                <span className="mono issue-pointer">{issue.pointer}</span>
                <span>{issue.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {visibleIssues.length === 0 && warnings.length > 0 ? (
          <ul className="issue-list warning-list" data-testid="warning-list">
            {warnings.map((warning, index) => (
              <li key={index} data-testid="editor-warning" data-code={warning.code} data-line={warning.line ?? ''} onClick={() => jumpTo(warning)}>
                <span className="mono issue-pos">{warning.line === null ? '—' : `${warning.line}:${warning.column ?? 1}`}</span>
                <span className="mono issue-pointer">{warning.pointer}</span>
                <span>
                  <span className="warn">warning</span> {warning.message}. Fix: {warning.fix}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
