/** Saves text as a file through a temporary object URL (no server round trip). */
export function downloadText(text: string | readonly string[], fileName: string, type: string): void {
  // An array is joined by the Blob itself: a large export is never one giant string.
  const url = URL.createObjectURL(new Blob(typeof text === "string" ? [text] : [...text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking synchronously can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
