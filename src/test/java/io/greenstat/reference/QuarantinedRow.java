package io.greenstat.reference;

/** An input row the reference quarantined, with its reason code. */
public record QuarantinedRow(RawRow row, String reason) {}
