import * as vscode from 'vscode';
import { CatalogService } from './catalogService';
import { readGlobs } from './config';
import { CodeLensProvider } from './codeLens';
import { TitleFixes } from './codeActions';
import { type CommandOptions, registerCommands } from './commands';
import { TitleLint } from './diagnostics';
import { DocumentKinds } from './documentKinds';
import { FileContexts } from './fileContexts';
import { DocumentScans } from './documentScans';
import { HoverProvider } from './hover';
import { CONFIG_SECTION, SettingKey, documentSelector } from './ids';
import { LargeFileStatus } from './largeFile';
import { Logger } from './logger';

/**
 * Activation shared by the Node and the web entry points. Synchronous and cheap: it creates the
 * features and registers providers and commands; the catalog is built and documents are scanned on
 * first use. `commandOptions` carries what differs between the builds (the Node file reader).
 */
export function activateShared(context: vscode.ExtensionContext, commandOptions: CommandOptions = {}): void {
  const log = new Logger();
  const catalogs = new CatalogService(log);
  const kinds = new DocumentKinds(log);
  const contexts = new FileContexts();
  const scans = new DocumentScans(catalogs, contexts);
  const hover = new HoverProvider(catalogs, kinds, contexts, scans);
  const lenses = new CodeLensProvider(catalogs, kinds, scans);
  const fixes = new TitleFixes(catalogs, kinds);
  const lint = new TitleLint(catalogs, kinds);
  const largeFile = new LargeFileStatus(kinds, scans);

  // Providers are registered again when the user's log globs change: the selector includes them.
  let providers = registerProviders(hover, lenses, fixes, log);
  context.subscriptions.push(
    log,
    catalogs,
    scans,
    lenses,
    lint,
    largeFile,
    { dispose: () => providers.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      if (e.affectsConfiguration(`${CONFIG_SECTION}.${SettingKey.customCodes}`)) catalogs.reload();
      if (e.affectsConfiguration(`${CONFIG_SECTION}.${SettingKey.logFilePatterns}`)) {
        providers.dispose();
        providers = registerProviders(hover, lenses, fixes, log);
      }
      kinds.invalidate();
      lenses.refresh();
      lint.relintAll();
      void largeFile.update();
    }),
    // security: in Restricted Mode VS Code hides workspace values of waErrors.customCodes; once trusted they apply.
    vscode.workspace.onDidGrantWorkspaceTrust(() => catalogs.reload()),
    catalogs.onDidChange(() => {
      lenses.refresh();
      lint.relintAll();
    }),
  );
  registerCommands(context, () => catalogs.get(), commandOptions);
}

function registerProviders(hover: HoverProvider, lenses: CodeLensProvider, fixes: TitleFixes, log: Logger): vscode.Disposable {
  const selector = documentSelector(readGlobs(SettingKey.logFilePatterns, null, log));
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(selector, hover),
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCodeActionsProvider(selector, fixes, TitleFixes.metadata),
  );
}
