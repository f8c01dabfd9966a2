package io.greenstat.report;

import java.util.function.Function;
import org.apache.spark.sql.types.DataType;

/**
 * One column of an output table: its name, its Spark type (for Parquet) and how to read it from a
 * row object. CSV and Parquet are written from the same list, so they cannot drift apart.
 */
public record TableColumn<T>(String name, DataType type, Function<T, Object> value) {}
