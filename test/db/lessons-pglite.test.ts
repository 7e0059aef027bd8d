/** The lessons database suite on embedded PGlite (in memory). */
import { defineLessonsDbSuite } from './lessons-db-suite';
import { openDb } from '../../db/client';

defineLessonsDbSuite('PGlite (in memory)', () => openDb({ memory: true }));
