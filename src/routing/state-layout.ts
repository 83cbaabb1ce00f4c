// Where the failure engine keeps each number: the layout of its per-destination state,
// of its integer variables and of its unrouted tallies.

// Per (destination, node) state, six numbers side by side so that a visit reads one
// or two cache lines: distance, throughput, next-hop count, the next hop's adjacency
// entry (one next hop) or the start of the next hops' entries in `hopAdj` (several),
// and alike for the predecessors (nodes with this one as next hop), whose entries are
// this node's adjacency entries towards them.
export const STRIDE = 6;
export const DIST = 0;
export const THROUGH = 1;
export const HOPS = 2;
export const HOP = 3;
export const PREDS = 4;
export const PRED = 5;

// Integer variables of the evaluation in progress, kept in `vars`: a class field that
// is reassigned can change the object's shape, and V8 then drops the optimised code
// of every hot loop that reads it (measured: repeated deopts in a Kdl sweep).
export const CUR = 0;
export const SLOT = 1;
export const FAIL_FROM = 2;
export const FAIL_COUNT = 3;
export const DOWN_FROM = 4;
export const DOWN_COUNT = 5;
export const BLOCK = 6;
export const FLAGGED = 7;
export const FLAGGING = 8;

// Per-slot tallies of unrouted demand, four to a slot in `tally`.
export const LOST_MBPS = 0;
export const LOST_DEMANDS = 1;
export const CUT_MBPS = 2;
export const CUT_DEMANDS = 3;
