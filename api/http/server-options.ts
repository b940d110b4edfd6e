// Options of the Node HTTP server the API runs on. The request line may hold a path parameter of
// up to 2,000 characters (a signed link's token): percent-encoded, non-ASCII input can be 12 bytes
// a character, past Node's 16 KiB header limit, where Node answers 431 before our validation
// could name the bad field. 64 KiB lets every such request reach the 400 the schema promises.
export const API_SERVER_OPTIONS = { maxHeaderSize: 64 * 1024 } as const;
