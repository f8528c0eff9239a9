// The error every blsig function throws on malformed input. `code` is a stable string:
// the C API's result code without its `BLSIG_` prefix ("INVALID_LENGTH",
// "NOT_IN_SUBGROUP", ...). A well-formed signature that does not verify is never an
// error: verification returns false.
export class BlsError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'BlsError';
    this.code = code;
  }
}

// Called by the wasm module to make its errors.
export function blsError(code, message) {
  return new BlsError(code, message);
}
