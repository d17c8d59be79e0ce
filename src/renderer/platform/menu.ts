/**
 * Connects the desktop app's menu commands to the studio's actions; does nothing in the browser.
 */
import { useEffect } from 'react';
import type { MenuCommand } from '../../shared/ipc-contract.js';
import { confirmReplace, exportReport, openFile, openScenarioText, pause, play, restart, saveScenario, showView, step } from '../store/actions.js';
import { pushError, studioStore } from '../store/studio.js';
import { desktopApi } from './desktop.js';

/** Runs the studio action for one menu command. */
export function runMenuCommand(command: MenuCommand): void {
  switch (command) {
    case 'open':
      return openFile();
    case 'save':
      return void saveScenario();
    case 'saveAs':
      return void saveScenario(true);
    case 'export':
      return void exportReport();
    case 'play':
      return play();
    case 'pause':
      return pause();
    case 'step':
      return step();
    case 'restart':
      return restart(studioStore.getState().loaded?.seed ?? 1);
    case 'help':
      return showView('scenario');
  }
}

/** Subscribes to the desktop menu while the component is mounted. */
export function useMenuCommands(): void {
  useEffect(() => {
    const desktop = desktopApi();
    if (desktop === null) return;

    const offCommand = desktop.onMenuCommand(runMenuCommand);
    const offRecent = desktop.onMenuOpenRecent((recent) => {
      confirmReplace(`Opening ${recent.name}`, () => {
        desktop.openRecent(recent.path).then(
          (opened) => opened && openScenarioText(opened.text, opened.name, opened.path, 'scenario'),
          (error: unknown) => pushError(studioStore, 'file', `opening ${recent.path} failed: ${String(error)}`),
        );
      });
    });
    return () => {
      offCommand();
      offRecent();
    };
  }, []);
}
