import { z } from 'zod';

// MV3 extension pages forbid `new Function`, which Zod 4 uses to compile
// validators unless told not to. Every module imports Zod through here so the
// setting is applied before any schema is built.
z.config({ jitless: true });

export { z };
