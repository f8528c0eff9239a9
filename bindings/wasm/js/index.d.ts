// Types of the blsig-wasm package: BLS signatures over BLS12-381
// (draft-irtf-cfrg-bls-signature, RFC 9380 hashing) compiled from Rust.

/**
 * Thrown for malformed input. `code` is stable: the C API's result code without its
 * `BLSIG_` prefix. A well-formed signature that does not verify is never an error — the
 * verifying functions return `false`. Wrong argument types throw `TypeError` instead.
 */
export class BlsError extends Error {
  constructor(code: BlsErrorCode, message: string);
  readonly name: 'BlsError';
  readonly code: BlsErrorCode;
}

/** Every `BlsError.code`. */
export type BlsErrorCode =
  | 'INVALID_LENGTH'
  | 'INVALID_ENCODING'
  | 'FIELD_ELEMENT_OUT_OF_RANGE'
  | 'NOT_ON_CURVE'
  | 'NOT_IN_SUBGROUP'
  | 'IDENTITY_PUBLIC_KEY'
  | 'INVALID_SECRET_KEY'
  | 'SHORT_IKM'
  | 'INVALID_DST'
  | 'INVALID_OUTPUT_LENGTH'
  | 'EMPTY_INPUT'
  | 'DUPLICATE_MESSAGE'
  | 'LENGTH_MISMATCH'
  | 'DUPLICATE_KEY'
  | 'NOT_A_MEMBER'
  | 'INDEX_OUT_OF_RANGE'
  | 'NON_ZERO_PADDING'
  | 'WRONG_RECIPIENT'
  | 'GROUP_TOO_LARGE'
  | 'COUNT_MISMATCH'
  | 'INVALID_THRESHOLD'
  | 'BELOW_THRESHOLD'
  | 'MISSING_SHARE'
  | 'GROUP_ID_MISMATCH'
  | 'INVALID_SHARE_ID'
  | 'NON_CANONICAL_ORDER'
  | 'VERIFICATION_FAILED'
  | 'INVALID_SUITE'
  | 'SUITE_MISMATCH'
  | 'NOT_INITIALIZED'
  | 'UNKNOWN_ERROR';

/** A source of the wasm module for `init`: a URL, a fetch `Response` (or its promise),
 * the module's bytes, or a compiled module. */
export type WasmSource =
  | string
  | URL
  | Response
  | Promise<Response>
  | BufferSource
  | WebAssembly.Module;

/** Where a bundler put the package's files, for bundlers that do not rewrite
 * `new URL(…, import.meta.url)` (esbuild; see the README). */
export interface InitOptions {
  /** The wasm module's source (default: `blsig_wasm_bg.wasm` next to `index.js`). */
  wasm?: WasmSource;
  /** The URL of the package's `worker.js` as bundled, for `verifyBatchParallel` in
   * browsers (ignored under Node, which uses worker threads). */
  worker?: string | URL;
}

/**
 * Loads and instantiates the wasm module; call once before anything else (later calls
 * return at once). In browsers the default source is `blsig_wasm_bg.wasm` next to the
 * package's `index.js`; under Node it is read from the package directory.
 */
export function init(source?: WasmSource | InitOptions): Promise<void>;

/** Instantiates synchronously from a compiled module or its bytes (workers). */
export function initSync(source: WebAssembly.Module | BufferSource): void;

/** The compiled module after `init` (to start your own workers), else `null`. */
export function wasmModule(): WebAssembly.Module | null;

/** The library's version, `"MAJOR.MINOR.PATCH"`. */
export function version(): string;

/** An object that holds wasm memory: `free()` it, or `using` it. Forgotten objects are
 * freed by finalization, at the garbage collector's pace. Using an object after `free()`
 * throws. */
export interface Owned {
  /** Releases the wasm memory now (a secret key is zeroized first). */
  free(): void;
  [Symbol.dispose](): void;
}

/** A secret key of one variant, kept inside wasm memory; zeroized when freed. */
export interface SecretKey extends Owned {
  /** 0 for min-pk, 1 for min-sig. */
  readonly variant: number;
  /** The 32-byte big-endian encoding: a copy of the secret in JavaScript memory. */
  toBytes(): Uint8Array;
  /** SkToPk. */
  publicKey(): PublicKey;
  /** PopProve: the compressed proof of possession. */
  popProve(): Uint8Array;
}

// Type-only brands: a proven key has every member a plain key has, so without them
// TypeScript (structural) would take one for the other. No such property exists at run
// time; objects of these types come only from the library.
declare const publicKeyBrand: unique symbol;
declare const provenPublicKeyBrand: unique symbol;

/** A validated public key (KeyValidate ran when it was made: never the identity, always
 * in the subgroup). */
export interface PublicKey extends Owned {
  readonly [publicKeyBrand]: true;
  readonly variant: number;
  /** The compressed encoding. */
  toBytes(): Uint8Array;
  /** A copy, to be freed on its own. */
  clone(): PublicKey;
}

/** A public key whose proof of possession verified: what the proof-of-possession scheme's
 * aggregate verification requires (it guards against rogue-key attacks). */
export interface ProvenPublicKey extends Owned {
  readonly [provenPublicKeyBrand]: true;
  readonly variant: number;
  toBytes(): Uint8Array;
  /** The key without the proof's guarantee. */
  publicKey(): PublicKey;
  clone(): ProvenPublicKey;
}

/** A sum of proven keys, for checking many aggregates on one message by the same set. */
export interface AggregatePublicKey extends Owned {
  readonly variant: number;
  toBytes(): Uint8Array;
}

/** A decoded, subgroup-checked signature of one suite. */
export interface Signature extends Owned {
  /** The suite number (0–5, as in the C API). */
  readonly suite: number;
  toBytes(): Uint8Array;
  clone(): Signature;
  /** Verify against a decoded key: `true` exactly when valid. */
  verify(publicKey: PublicKey, message: Uint8Array): boolean;
}

/** A batch of (key, message, signature) items, checked with one multi-Miller loop and
 * one final exponentiation. Queueing changes it; checking does not. */
export interface BatchVerifier extends Owned {
  readonly suite: number;
  /** The number of queued items. */
  readonly length: number;
  /** Queues a decoded item; returns its index (as `findInvalid` reports it). */
  queue(publicKey: PublicKey, message: Uint8Array, signature: Signature): number;
  /** Decodes and queues an item (nothing is queued if an encoding is malformed). */
  queueBytes(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): number;
  /** Checks all items with weights from the 32 random bytes `seed`: `true` exactly when
   * every item verifies alone (error probability 2⁻⁶⁴). Empty batch: `EMPTY_INPUT`. */
  verify(seed: Uint8Array): boolean;
  /** As `verify`, with 128-bit weights from the batch itself (no randomness). */
  verifyDeterministic(): boolean;
  /** The indices of exactly the items that do not verify alone (empty when all do). */
  findInvalid(seed: Uint8Array): Uint32Array;
}

/** A key argument: its compressed encoding or a decoded key. */
export type PublicKeyInput = Uint8Array | PublicKey | ProvenPublicKey;
/** A signature argument: its compressed encoding or a decoded signature. */
export type SignatureInput = Uint8Array | Signature;
/** A secret-key argument: 32 big-endian bytes or a `SecretKey`. */
export type SecretKeyInput = Uint8Array | SecretKey;

/** One item of a batch: encodings or decoded objects, freely mixed. */
export interface BatchItem {
  publicKey: PublicKeyInput;
  message: Uint8Array;
  signature: SignatureInput;
}

/** One item of `verifyBatchParallel`: encodings only (they are sent to the workers). */
export interface EncodedBatchItem {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

/** Keys for Basic and Aug AggregateVerify: encodings and decoded keys (mixed), or proven
 * keys only. */
export type AggregateKeys = (Uint8Array | PublicKey)[] | ProvenPublicKey[];

/** The operations every ciphersuite (a variant and a scheme) has. */
export interface SchemeApi {
  /** The suite number (0–5, as in the C API). */
  readonly suite: number;
  /** The ciphersuite ID, e.g. `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_`. */
  readonly ciphersuite: string;
  /** Sign: the compressed signature of `message` (under Aug the key is prepended, as
   * the draft says; pass only the message). Throws `INVALID_LENGTH` or
   * `INVALID_SECRET_KEY` for a bad key. */
  sign(secretKey: SecretKeyInput, message: Uint8Array): Uint8Array;
  /** Verify: `true` exactly when `signature` is valid for `message` and `publicKey`.
   * Malformed encodings throw (`INVALID_LENGTH`, `INVALID_ENCODING`,
   * `FIELD_ELEMENT_OUT_OF_RANGE`, `NOT_ON_CURVE`, `NOT_IN_SUBGROUP`,
   * `IDENTITY_PUBLIC_KEY`). */
  verify(publicKey: PublicKeyInput, message: Uint8Array, signature: SignatureInput): boolean;
  /** Aggregate: the compressed sum of signatures (each decoded and checked).
   * `EMPTY_INPUT` for none. */
  aggregate(signatures: SignatureInput[]): Uint8Array;
  /** Batch verification with random weights (`crypto.getRandomValues`): `true` exactly
   * when every item verifies. `EMPTY_INPUT` for no items. */
  batchVerify(items: BatchItem[]): boolean;
  /** The indices of exactly the items that do not verify (empty when all do). */
  findInvalid(items: BatchItem[]): number[];
  /**
   * `findInvalid` split over `workers` Web Workers (worker threads under Node), each
   * verifying a contiguous sub-batch with one final exponentiation and finding its bad
   * items if it fails. Resolves to exactly what `findInvalid(items)` returns (rejects with
   * the same `BlsError` for malformed input). Items must be encodings. Workers are kept
   * for reuse; `terminateWorkers()` ends them.
   */
  verifyBatchParallel(items: EncodedBatchItem[], options?: { workers?: number }): Promise<number[]>;
  readonly Signature: {
    fromBytes(bytes: Uint8Array): Signature;
    sign(secretKey: SecretKeyInput, message: Uint8Array): Signature;
  };
  /** A new, empty batch of this suite. */
  batchVerifier(): BatchVerifier;
  /** Threshold signatures under this suite (absent without the `threshold` feature). */
  readonly threshold: ThresholdSchemeApi;
}

/** The Basic and message-augmentation schemes. */
export interface BasicSchemeApi extends SchemeApi {
  /** AggregateVerify: key `i` signed message `i`. Basic throws `DUPLICATE_MESSAGE` for
   * repeated messages. Keys are encodings and decoded keys, or proven keys only (a mix
   * with proven keys throws `TypeError`). `EMPTY_INPUT`, `LENGTH_MISMATCH`. */
  aggregateVerify(publicKeys: AggregateKeys, messages: Uint8Array[], signature: SignatureInput): boolean;
}

/** The proof-of-possession scheme: the one for aggregating on one message. */
export interface PopSchemeApi extends SchemeApi {
  /** AggregateVerify over proven keys only (`TypeError` for anything else: the
   * proof-of-possession scheme's security rests on the proofs). Key `i` signed message
   * `i`; messages may repeat. `EMPTY_INPUT`, `LENGTH_MISMATCH`. */
  aggregateVerify(publicKeys: ProvenPublicKey[], messages: Uint8Array[], signature: SignatureInput): boolean;
  /** PopProve. */
  popProve(secretKey: SecretKeyInput): Uint8Array;
  /** PopVerify: `true` exactly when `proof` proves possession of `publicKey`. */
  popVerify(publicKey: Uint8Array | PublicKey, proof: Uint8Array): boolean;
  /** FastAggregateVerify: `signature` aggregates signatures of `message` by every key.
   * `EMPTY_INPUT`; `IDENTITY_PUBLIC_KEY` if the keys sum to the identity. */
  fastAggregateVerify(
    publicKeys: ProvenPublicKey[] | AggregatePublicKey,
    message: Uint8Array,
    signature: SignatureInput,
  ): boolean;
  readonly ProvenPublicKey: {
    /** PopVerify, then the proven key; `VERIFICATION_FAILED` if the proof is invalid. */
    fromBytes(publicKey: Uint8Array, proof: Uint8Array): ProvenPublicKey;
    /** A key treated as proven without a proof: ONLY for keys whose proof of possession
     * was checked elsewhere (Ethereum's deposit registry, your own registration step).
     * A rogue key passed here can forge same-message aggregates. */
    assumeProven(publicKey: Uint8Array | PublicKey): ProvenPublicKey;
  };
  readonly AggregatePublicKey: {
    fromProven(keys: ProvenPublicKey[]): AggregatePublicKey;
  };
}

/** An n-of-n multisignature group (Boneh–Drijvers–Neven MSP): the members' keys in
 * canonical order and the weighted key sum P = Σ aᵢ·Pᵢ, which defeats rogue keys without
 * proofs of possession. */
export interface MspGroup extends Owned {
  readonly variant: number;
  readonly length: number;
  toBytes(): Uint8Array;
  /** P, compressed: the key the multisignature verifies under. */
  aggregateKey(): Uint8Array;
  /** A member's canonical index, or -1. */
  indexOf(publicKey: Uint8Array): number;
  /** A member's share of the signature (`NOT_A_MEMBER` for others). */
  signShare(secretKey: SecretKeyInput, message: Uint8Array): Uint8Array;
  verifyShare(message: Uint8Array, share: Uint8Array): boolean;
  /** One share per member (`MISSING_SHARE`, `DUPLICATE_KEY`). */
  combine(shares: Uint8Array[]): Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/** An m-of-n group (BDN ASM): proven keys, a threshold, and per-member membership keys
 * MKᵢ set up without a dealer. */
export interface AsmGroup extends Owned {
  readonly variant: number;
  readonly length: number;
  readonly threshold: number;
  toBytes(): Uint8Array;
  /** The group's identity (key and threshold): compare it out of band before use. */
  id(): Uint8Array;
  indexOf(publicKey: Uint8Array): number;
  /** A member's secret setup contributions, one per member in index order: send entry j
   * only to member j, privately. */
  contributions(secretKey: SecretKeyInput): Uint8Array[];
  verifyContribution(contribution: Uint8Array): boolean;
  /** Member `index`'s membership key from the contributions addressed to it, one from
   * every member (`COUNT_MISMATCH`, `WRONG_RECIPIENT`, `DUPLICATE_KEY`,
   * `VERIFICATION_FAILED`: the sum does not check out). */
  membershipKey(index: number, received: Uint8Array[]): MembershipKey;
  /** A member's signature Sᵢ = skᵢ·H(P, m) + MKᵢ. */
  sign(secretKey: SecretKeyInput, membershipKey: MembershipKey, message: Uint8Array): Uint8Array;
  verifyMemberSignature(message: Uint8Array, signature: Uint8Array): boolean;
  /** At least `threshold` member signatures of distinct members (`BELOW_THRESHOLD`). */
  combine(memberSignatures: Uint8Array[]): Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
  /** The members who signed. */
  signers(signature: Uint8Array): number[];
}

/** A member's secret membership key; zeroized when freed. */
export interface MembershipKey extends Owned {
  readonly variant: number;
  /** A copy of the secret in JavaScript memory. */
  toBytes(): Uint8Array;
}

/** A threshold sharing's public part (Feldman commitment; its constant term is the group
 * key). */
export interface PublicKeySet extends Owned {
  readonly variant: number;
  readonly threshold: number;
  toBytes(): Uint8Array;
  /** The undivided key's public key. */
  groupKey(): Uint8Array;
}

/** A member's secret threshold share; zeroized when freed. */
export interface SecretShare extends Owned {
  readonly variant: number;
  toBytes(): Uint8Array;
}

/** Threshold signing under one suite: any t signature shares combine into exactly the
 * undivided key's signature. `set` and `share` are bytes or decoded objects. */
export interface ThresholdSchemeApi {
  sign(set: Uint8Array | PublicKeySet, share: Uint8Array | SecretShare, message: Uint8Array): Uint8Array;
  verifyShare(set: Uint8Array | PublicKeySet, message: Uint8Array, signatureShare: Uint8Array): boolean;
  /** Interpolates the first t shares without checking them (`BELOW_THRESHOLD`,
   * `DUPLICATE_KEY`); a bad share gives a signature that does not verify. */
  combine(set: Uint8Array | PublicKeySet, signatureShares: Uint8Array[]): Uint8Array;
  /** Checks the shares (one multi-pairing; one by one only if that fails), keeps one valid
   * share per member (a fake one under an honest member's identifier is skipped) and
   * combines t of them (`BELOW_THRESHOLD` if fewer members' shares are valid). */
  robustCombine(set: Uint8Array | PublicKeySet, message: Uint8Array, signatureShares: Uint8Array[]): Uint8Array;
}

/** Threshold key dealing and share checks of one variant. */
export interface ThresholdApi {
  /** Splits `secretKey` into `n` shares, any `t` of which sign (`INVALID_THRESHOLD`).
   * Each share must reach only its member. */
  deal(secretKey: SecretKeyInput, t: number, n: number): { publicKeySet: Uint8Array; shares: Uint8Array[] };
  groupKey(set: Uint8Array | PublicKeySet): Uint8Array;
  verifySecretShare(set: Uint8Array | PublicKeySet, share: Uint8Array | SecretShare): boolean;
  readonly PublicKeySet: { fromBytes(bytes: Uint8Array): PublicKeySet };
  readonly SecretShare: { fromBytes(bytes: Uint8Array): SecretShare };
}

/** One variant: key operations and its three schemes. */
export interface VariantApi {
  readonly name: 'min-pk' | 'min-sig';
  readonly secretKeyLength: 32;
  readonly publicKeyLength: number;
  readonly signatureLength: number;
  /** KeyGen: a 32-byte secret key from ≥ 32 bytes of secret randomness (`SHORT_IKM`). */
  keyGen(ikm: Uint8Array, keyInfo?: Uint8Array): Uint8Array;
  /** KeyGen as draft-03 defined it (to reproduce keys of draft-03 implementations). */
  keyGenDraft03(ikm: Uint8Array, keyInfo?: Uint8Array): Uint8Array;
  /** A fresh secret key from `crypto.getRandomValues`. */
  randomSecretKey(): Uint8Array;
  /** SkToPk: the compressed public key. */
  skToPk(secretKey: SecretKeyInput): Uint8Array;
  /** KeyValidate: whether the bytes are a valid public key (never throws for bad bytes). */
  keyValidate(publicKey: Uint8Array): boolean;
  readonly SecretKey: {
    fromBytes(bytes: Uint8Array): SecretKey;
    keyGen(ikm: Uint8Array, keyInfo?: Uint8Array): SecretKey;
    random(): SecretKey;
  };
  readonly PublicKey: {
    fromBytes(bytes: Uint8Array): PublicKey;
  };
  readonly basic: BasicSchemeApi;
  readonly aug: BasicSchemeApi;
  readonly pop: PopSchemeApi;
  /** n-of-n multisignatures (absent from a build without the `multisig` feature). */
  readonly msp: {
    group(publicKeys: Uint8Array[]): MspGroup;
    fromBytes(bytes: Uint8Array): MspGroup;
  };
  /** m-of-n multisignatures (absent from a build without the `multisig` feature). */
  readonly asm: {
    group(provenKeys: ProvenPublicKey[], threshold: number): AsmGroup;
    /** Decodes a group that must have identity `expectedId` (`GROUP_ID_MISMATCH`). */
    fromBytes(bytes: Uint8Array, expectedId: Uint8Array): AsmGroup;
    readonly MembershipKey: { fromBytes(bytes: Uint8Array): MembershipKey };
  };
  /** Threshold dealing (absent from a build without the `threshold` feature). */
  readonly threshold: ThresholdApi;
}

/** Keys in G1 (48 bytes), signatures in G2 (96 bytes): Ethereum's variant. */
export const minPk: VariantApi;
/** Keys in G2 (96 bytes), signatures in G1 (48 bytes). */
export const minSig: VariantApi;

/** Ethereum's `eth_aggregate_pubkeys` (consensus specs): the compressed sum of one or more
 * public keys, each KeyValidated, without proofs (the deposit registry checked them). The
 * identity sum is returned as `0xc0 00…`, as the specification does. `EMPTY_INPUT`. */
export function ethAggregatePubkeys(publicKeys: (Uint8Array | PublicKey)[]): Uint8Array;

/** Ethereum's `eth_fast_aggregate_verify`: FastAggregateVerify over registry keys (no proofs
 * needed), except that no keys with the identity signature (`0xc0 00…`) is valid. Malformed
 * input throws; no keys with another signature is `EMPTY_INPUT`. */
export function ethFastAggregateVerify(
  publicKeys: (Uint8Array | PublicKey)[],
  message: Uint8Array,
  signature: SignatureInput,
): boolean;

/** Options of the hashing functions: `compressed` points (48 / 96 bytes) instead of
 * uncompressed ones (96 / 192 bytes). */
export interface HashOptions {
  compressed?: boolean;
}

/** RFC 9380 hashing (SHA-256, SSWU) to G1 and G2, random-oracle (`g1`, `g2`) and
 * nonuniform (`encodeG1`, `encodeG2`). `INVALID_DST` for an empty tag. */
export const hashToCurve: {
  g1(message: Uint8Array, dst: Uint8Array, options?: HashOptions): Uint8Array;
  g2(message: Uint8Array, dst: Uint8Array, options?: HashOptions): Uint8Array;
  encodeG1(message: Uint8Array, dst: Uint8Array, options?: HashOptions): Uint8Array;
  encodeG2(message: Uint8Array, dst: Uint8Array, options?: HashOptions): Uint8Array;
  /** `length` in 1–8160, else `INVALID_OUTPUT_LENGTH`. */
  expandMessageXmd(message: Uint8Array, dst: Uint8Array, length: number): Uint8Array;
};

/** Replaces how `verifyBatchParallel` makes workers (the Node entry point uses
 * `worker_threads`). */
export function setWorkerFactory(factory: () => {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: any }) => void) | null;
  onerror: ((event: { error?: unknown; message?: string }) => void) | null;
}): void;

/** Ends the workers `verifyBatchParallel` keeps. */
export function terminateWorkers(): void;
