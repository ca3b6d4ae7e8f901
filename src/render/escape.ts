/**
 * Control characters made visible in what cchc prints about a file (issue 12.4): messages,
 * file names and parameters go to a terminal, to GitHub annotations and to SARIF, and a YAML
 * key or a progress file name holding "ESC ] 0 ; … BEL" must not retitle the terminal or
 * clear the screen. Each control (C0, DEL, C1) and each bidirectional control is written as
 * its escape, `\u001b`, so the reader sees what the file holds. Pure.
 */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function escapeControls(s: string): string {
  return s.replace(CONTROLS, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}
