import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog/catalog';
import { createCatalog } from '../core/catalog/custom';
import { CONFIG_SECTION, SettingKey } from './ids';
import type { Logger } from './logger';

/**
 * The catalog in use: built-in entries plus `waErrors.customCodes`, built on first use (never at
 * activation) and rebuilt when the setting changes. `generation` lets caches notice a rebuild.
 */
export class CatalogService implements vscode.Disposable {
  private catalog: Catalog | undefined;
  private gen = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Logger) {}

  get generation(): number {
    return this.gen;
  }

  get(): Catalog {
    this.catalog ??= this.build();
    return this.catalog;
  }

  /** Drops the current catalog (rebuilt lazily) after a settings or trust change. */
  reload(): void {
    const wasBuilt = this.catalog !== undefined;
    this.catalog = undefined;
    this.gen++;
    // Rebuild now only to report problems in the new setting at the moment the user edits it.
    if (wasBuilt) this.get();
    this.changed.fire();
  }

  private build(): Catalog {
    const custom = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(SettingKey.customCodes);
    const { catalog, problems } = createCatalog(custom);
    let fresh = 0;
    // Problems name the setting and entry themselves ("waErrors.customCodes[2] (131047): ...").
    for (const p of problems) if (this.log.warnOnce(`customCodes:${p}`, p)) fresh++;
    if (fresh > 0) void this.notify(fresh);
    return catalog;
  }

  private async notify(count: number): Promise<void> {
    const show = vscode.l10n.t('Show Output');
    const message = vscode.l10n.t('{0} problem(s) in waErrors.customCodes: the entries concerned are not used. See the output for details.', count);
    if ((await vscode.window.showWarningMessage(message, show)) === show) this.log.show();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
