/**
 * Incremental runs: the input's year partitions are fingerprinted, a successful run keeps its
 * per-partition tallies next to its output ({@code _partials/}), and the next run rescans only the
 * partitions that changed (and their neighbours for the prior-year link), recomputing everything
 * downstream from the stored tallies. A run with different settings or a different program is a
 * full one.
 */
package io.greenstat.incremental;
