import { z } from 'zod';
import { evidenceKinds, evidenceMedia, evidenceTargetTypes, sha256HexPattern } from '../domain/evidence';
import { errorCodes } from './errors';
import { mutation, noInput, query } from './method';
import { id, timestamp } from './common';
import { sourceInput } from './imports';

// The evidence vault: tamper-evident files linked to cases.

export const evidenceKind = z.enum(evidenceKinds);

export const sha256Hex = z.string().regex(sha256HexPattern, 'a lowercase hex SHA-256');

export const evidenceTarget = z
  .object({
    targetType: z.enum(evidenceTargetTypes),
    targetId: z.string().trim().min(1).max(100),
  })
  .strict();

export type EvidenceTarget = z.infer<typeof evidenceTarget>;

export const evidenceLink = evidenceTarget.extend({ linkedAt: timestamp, linkedBy: z.string() });

const tag = z.string().trim().min(1).max(40);

export const evidenceItem = z.object({
  id,
  sha256: sha256Hex,
  size: z.number().int().positive(),
  /** Exactly as given, whatever characters it holds; never used as a path. */
  originalName: z.string(),
  /** From the content's magic bytes: 'png', 'jpg', 'mp3', 'txt', 'html', 'unknown' … */
  detectedType: z.string(),
  mime: z.string(),
  media: z.enum(evidenceMedia),
  /** False for types the app cannot show (HEIC, unknown): offered as a download instead. */
  previewable: z.boolean(),
  /** The name's extension claims another type than the content has. */
  extensionMismatch: z.boolean(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  kind: evidenceKind,
  capturedAt: timestamp.nullable(),
  source: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  addedAt: timestamp,
  addedBy: z.string(),
  updatedAt: timestamp,
  trashedAt: timestamp.nullable(),
  links: z.array(evidenceLink),
});

export type EvidenceItem = z.infer<typeof evidenceItem>;

/** What every add shares: how the new evidence is labelled and what it is linked to. */
const evidenceAddOptions = {
  kind: evidenceKind.optional(),
  link: evidenceTarget.optional(),
  source: z.string().trim().max(200).optional(),
  capturedAt: timestamp.optional(),
};

/**
 * A file to add: a vouched token (Electron picker or drop, `stageFile`), an upload (`POST /upload`,
 * browser harness) or, from the local user only, a path. Pasted table text is not a file and is refused.
 */
export const evidenceFileSource = sourceInput.refine((source) => source.kind !== 'text', {
  message: 'Evidence must be a file (a picked or dropped file, or an upload), not pasted text.',
});

export const evidenceAddInput = z
  .object({
    /** Absolute paths, from the local user only (CLI, in-process tests); the window sends `sources`. */
    paths: z.array(z.string().min(1).max(4096)).max(500).optional(),
    /** Files as `stageFile` sources (tokens, uploads); outcomes follow `paths`, then `sources`. */
    sources: z.array(evidenceFileSource).max(500).optional(),
    ...evidenceAddOptions,
  })
  .strict()
  .refine((input) => (input.paths?.length ?? 0) + (input.sources?.length ?? 0) >= 1, {
    message: 'Give at least one file in paths or sources.',
    path: ['paths'],
  })
  .refine((input) => (input.paths?.length ?? 0) + (input.sources?.length ?? 0) <= 500, {
    message: 'At most 500 files per add.',
    path: ['sources'],
  });

/** Largest pasted image (or other in-memory file) `evidence.addBytes` accepts: 50 MB. */
export const evidenceAddBytesMax = 50 * 1024 * 1024;

/** Bytes with no file behind them, e.g. an image pasted from the clipboard (base64, ≤ 50 MB decoded). */
export const evidenceAddBytesInput = z
  .object({
    /** Shown as the original name, exactly as given; never used as a path. */
    name: z.string().min(1).max(255),
    base64: z
      .string()
      .max(Math.ceil(evidenceAddBytesMax / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'standard base64'),
    ...evidenceAddOptions,
  })
  .strict();

/** One file's outcome: a bad file is reported here and never stops the others. */
export const evidenceAddOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    path: z.string(),
    /** The same bytes were already in the vault: this is that evidence, with the link added. */
    duplicate: z.boolean(),
    evidence: evidenceItem,
  }),
  z.object({
    ok: z.literal(false),
    path: z.string(),
    error: z.object({ code: z.enum(errorCodes), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
  }),
]);

export type EvidenceAddOutcome = z.infer<typeof evidenceAddOutcome>;

export const evidenceListInput = z
  .object({
    kind: evidenceKind.optional(),
    media: z.enum(evidenceMedia).optional(),
    tag: tag.optional(),
    /** Substring of the original name, notes or source. */
    text: z.string().trim().min(1).max(100).optional(),
    linkedTo: evidenceTarget.optional(),
    trashed: z.boolean().optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const evidenceUpdateInput = z
  .object({
    id,
    kind: evidenceKind.optional(),
    tags: z.array(tag).max(50).optional(),
    notes: z.string().max(4000).optional(),
    source: z.string().trim().max(200).optional(),
    capturedAt: timestamp.nullable().optional(),
  })
  .strict();

export const evidenceVerifyReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  bytes: z.number().int(),
  missing: z.array(z.object({ sha256: sha256Hex, evidenceIds: z.array(id), names: z.array(z.string()) })),
  altered: z.array(
    z.object({ sha256: sha256Hex, actualSha256: z.string(), evidenceIds: z.array(id), names: z.array(z.string()) }),
  ),
  /**
   * Objects in the vault that no evidence names (left by an add killed between storing the file and
   * recording it, or an interrupted empty-trash); `evidence.cleanOrphans` deletes them.
   */
  unreferenced: z.array(z.string()),
  /** Their total size. */
  unreferencedBytes: z.number().int(),
  message: z.string(),
});

export type EvidenceVerifyReport = z.infer<typeof evidenceVerifyReport>;

export const evidenceSettings = z.object({
  /** Largest file accepted, in bytes. */
  maxFileBytes: z.number().int().min(1).max(64 * 1024 ** 3),
});

export type EvidenceSettings = z.infer<typeof evidenceSettings>;

export const evidenceMethods = {
  'evidence.add': mutation(evidenceAddInput, z.object({ items: z.array(evidenceAddOutcome) }), 'agent'),
  /** A pasted image or other file with no path: its bytes, added like a file. */
  'evidence.addBytes': mutation(evidenceAddBytesInput, z.object({ items: z.array(evidenceAddOutcome) }), 'agent'),
  'evidence.list': query(evidenceListInput, z.object({ items: z.array(evidenceItem) })),
  'evidence.get': query(z.object({ id }).strict(), evidenceItem),
  /** Metadata only: the content of evidence can never change. */
  'evidence.update': mutation(evidenceUpdateInput, evidenceItem, 'agent'),
  'evidence.link': mutation(z.object({ id, target: evidenceTarget }).strict(), evidenceItem, 'agent'),
  'evidence.unlink': mutation(z.object({ id, target: evidenceTarget }).strict(), evidenceItem, 'agent'),
  'evidence.trash': mutation(z.object({ id }).strict(), evidenceItem, 'agent'),
  'evidence.restore': mutation(z.object({ id }).strict(), evidenceItem, 'agent'),
  'evidence.emptyTrash': mutation(
    z.object({ confirm: z.literal(true) }).strict(),
    z.object({ removedEvidence: z.number().int(), removedObjects: z.number().int(), freedBytes: z.number().int() }),

    'owner',
  ),
  'evidence.verify': mutation(noInput, evidenceVerifyReport, 'agent'),
  /** Deletes the objects `evidence.verify` lists as unreferenced. */
  'evidence.cleanOrphans': mutation(
    z.object({ confirm: z.literal(true) }).strict(),
    z.object({ removed: z.number().int(), freedBytes: z.number().int() }),
    'owner',
  ),
  'evidence.exportManifest': mutation(
    z
      .object({
        caseId: z.string().trim().min(1).max(100),
        format: z.enum(['csv', 'json']),
        /** Also write the manifest into <data-dir>/exports and return its path. */
        save: z.boolean().optional(),
      })
      .strict(),
    z.object({ text: z.string(), sha256: sha256Hex, count: z.number().int(), path: z.string().nullable() }),

    'agent',
  ),
  /** What the evidence:// protocol asks before serving bytes: a live object's type, or NOT_FOUND. */
  'evidence.resolveObject': query(
    z.object({ sha256: sha256Hex }).strict(),
    z.object({ sha256: sha256Hex, mime: z.string(), size: z.number().int() }),
  ),
  'evidence.getSettings': query(noInput, evidenceSettings),
  'evidence.updateSettings': mutation(evidenceSettings.partial().strict(), evidenceSettings, 'agent'),
} as const;
