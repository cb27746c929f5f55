// Saves a Blob from an extension page with `<a download>`: no `downloads` permission needed.
import { format } from 'date-fns';

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `va-scorecard-ratings-2026-11-27.csv`, dated in local time like the user's calendar. */
export function datedFilename(stem: string, extension: string, now = new Date()): string {
  return `${stem}-${format(now, 'yyyy-MM-dd')}.${extension}`;
}
