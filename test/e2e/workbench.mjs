// Driving the VS Code workbench in the browser the way a person does: keyboard shortcuts,
// the command palette, clicks on rows. Selectors are VS Code's own class names.

/** A row of any list or tree (Explorer, Outline, Problems, quick input, our views) with this text. */
export function row(scope, text) {
  return scope.locator('.monaco-list-row', { hasText: text }).first();
}

/** The sidebar or panel section whose header has this title (for example "Outline", "Themes"). */
export function pane(page, title) {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
}

/** Opens a pane that is collapsed; does nothing when it is expanded. */
export async function expandPane(page, title) {
  const header = pane(page, title).locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
}

const quickInput = (page) => page.locator('.quick-input-widget');

/** Types into the open quick input (command palette, Quick Open, Go to Symbol) and waits for a row. */
async function chooseInQuickInput(page, typed, rowText) {
  await quickInput(page).locator('input').fill(typed);
  const choice = row(quickInput(page), rowText);
  await choice.waitFor();
  return choice;
}

/** Runs a command from the command palette (F1) by its title, as shown there. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await quickInput(page).waitFor();
  const choice = await chooseInQuickInput(page, `>${title}`, title);
  await choice.click();
}

/** Opens a file with Quick Open (Ctrl+P) and waits for its tab to be the active one. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await quickInput(page).waitFor();
  const choice = await chooseInQuickInput(page, name, name);
  await choice.click();
  await activeTab(page, name).waitFor();
}

/** Opens Go to Symbol in Workspace (Ctrl+T) and types a query; resolves with the row of `rowText`. */
export async function goToSymbolInWorkspace(page, query, rowText) {
  await page.keyboard.press('Control+T');
  await quickInput(page).waitFor();
  return chooseInQuickInput(page, `#${query}`, rowText);
}

/** Types a query into the quick input that a command opened; resolves with the row of `rowText`. */
export function typeInQuickInput(page, query, rowText) {
  return chooseInQuickInput(page, query, rowText);
}

export function activeTab(page, name) {
  return page.locator('.tabs-container .tab.active', { hasText: name }).first();
}

/** The rendered line of the visible editor that contains `text`. */
export function editorLine(page, text) {
  return page.locator('.editor-group-container.active .view-line', { hasText: text }).first();
}

/** Closes quick inputs, hovers and notifications left by a step, so the next one starts clean. */
export async function dismiss(page) {
  for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
}
