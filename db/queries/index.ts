export { saveExperiment, experimentIdOf, snapshotHashOf, policyIdOf, scenarioIdOf, type SaveExperimentResult } from './save-experiment';
export { getExperiment, SnapshotIntegrityError } from './get-experiment';
export { listExperiments, LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT, type ListExperimentsOptions } from './list-experiments';
export { createSweep, touchSweep, storeSweepRun, storeSweepRunIn, storeSweepRuns, storeSweepRunsIn, claimSweepRun, encodeMetrics, decodeMetrics, newSweepId, type NewSweep, type FinishedSweepRun } from './sweep-store';
export { getSweep, getSweepStatus, listStoredKeys, listSweepRuns, listSweeps, getSweepRun, LOCAL_HEARTBEAT_TIMEOUT_SECONDS, type SweepRecord, type SweepStatus, type StoredSweepRun } from './sweep-read';
export { createBrowserSweep, browserSweepPlan, storeBrowserSweepRuns, type SweepPlan, type PlannedRun, type PostSweepRuns } from './browser-sweep';
export { saveLesson, getLesson, listLessons, closeChallenge, hasTeacherKey, teacherLesson, lessonIdOf, teacherKeyHash, LESSON_LIST_LIMIT, type SavedLesson, type CloseResult, type TeacherRefusal } from './lessons';
export { saveSubmission, rankedSubmissions, leaderboard, type NewSubmission, type StoredSubmission, type SaveSubmissionResult, type RankedSubmission } from './challenge-submissions';
export { resultsCsv, challengeCsv, csvText, csvNumber, type ResultsCsv } from './challenge-results-csv';
