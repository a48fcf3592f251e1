/**
 * The main window's options as plain data (no Electron import), so the security settings are unit-tested and
 * the Electron launch test can compare the running window with them.
 */
export interface WindowOptions {
  width: number;
  height: number;
  title: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    spellcheck: false;
  };
}

export function mainWindowOptions(preload: string): WindowOptions {
  return {
    width: 1400,
    height: 900,
    title: 'Claque',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Spell-checking would send imported text to the OS dictionary service; nothing here needs it.
      spellcheck: false,
    },
  };
}
