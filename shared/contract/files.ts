import { z } from 'zod';

// Files and folders the backend may open for a caller that is not the local user (the window
// over IPC, a browser over HTTP). Only the Electron main process can vouch for a path: from its
// own open dialog, or from File objects the browser made for a drop or an <input type=file>.
// The renderer gets an opaque token per path and never names a path itself.

/** 32 characters of base64url (192 random bits): cannot be guessed. */
export const vouchedToken = z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'a token from the file picker or a drop');

/** A file or folder the main process vouched for, by its token. */
export const vouchedSource = z.object({ kind: z.literal('vouched'), token: vouchedToken }).strict();

export type VouchedSource = z.infer<typeof vouchedSource>;

/** A file token opens one file, a folder token names one folder; neither stands in for the other. */
export const vouchKinds = ['file', 'folder'] as const;
export type VouchKind = (typeof vouchKinds)[number];

/** Which open dialog the main process shows: its filters and whether it takes several files. */
export const pickPurposes = ['import', 'evidence', 'folder'] as const;
export type PickPurpose = (typeof pickPurposes)[number];

/** One vouched path as the renderer sees it: a token and what to show, never the path of a file. */
export type VouchOutcome =
  | {
      ok: true;
      token: string;
      kind: VouchKind;
      /** A file's name; a folder's full path (the person needs to see which folder is watched). */
      name: string;
      /** Bytes, for files; 0 for folders. */
      size: number;
    }
  | {
      ok: false;
      name: string;
      code: 'BAD_FILE' | 'VALIDATION' | 'UNAVAILABLE';
      /** Why, for the UI's sentence (the BAD_FILE reasons): a folder given as a file, a file gone, no path at all. */
      reason?: 'not_a_file' | 'not_a_folder' | 'vanished' | 'not_on_disk';
      message: string;
    };

/** What a picker answers: nothing when the person closed the dialog. */
export interface PickResult {
  cancelled: boolean;
  items: VouchOutcome[];
}
