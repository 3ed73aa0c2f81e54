/** Per-request variables set by the app's middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** set once the request body has been read (or drained) by the request guard */
    bodyRead?: boolean;
    /** logs an unexpected error (message and stack to stderr, never to the client) */
    logError: (e: unknown) => void;
    /** logs one line tagged with the time and the request id (quiet when logging is off) */
    logLine: (text: string) => void;
  };
}
