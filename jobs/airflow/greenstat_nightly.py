"""greenstat nightly: one greenstat run per day through spark-submit, from Airflow.

Runs ``io.greenstat.GreenstatApp run --input INPUT --output OUTPUT_ROOT/run_date=YYYY-MM-DD``
at 02:30 Asia/Shanghai, for the day before (the same run date as ``jobs/nightly``). One run at
a time (``max_active_runs=1``), two retries five minutes apart, no catch-up of missed days.
Exit codes of the job (CONTRACT §5): 2 (configuration) and 3 (input rejected) will fail the
same way on retry; Airflow retries them anyway, which costs only a Spark start-up each.

Needs Airflow 2.4+ (or 3.x) with ``apache-airflow-providers-apache-spark``, and a
``spark-submit`` on the workers (SPARK_HOME of Spark 4.1.2, or set ``spark-binary`` in the
connection). On a standalone cluster in cluster mode, give the driver the Java 17 module
flags of pom.xml (``spark.jvm.flags``) through ``spark.driver.extraJavaOptions`` in ``conf``.

Setup
-----
Variables (Admin > Variables, or the CLI)::

    airflow variables set greenstat_jar         /opt/greenstat/greenstat.jar
    airflow variables set greenstat_input       s3a://stats/firm_year
    airflow variables set greenstat_output_root s3a://stats/greenstat

``greenstat_jar`` is built by ``mvn -B -DskipTests package`` (``target/greenstat.jar``); it must
be readable by spark-submit on the worker (a local path, or hdfs:// / s3a:// in cluster mode).

Connection ``spark_greenstat`` (type Spark), for example YARN in cluster mode::

    airflow connections add spark_greenstat --conn-type spark --conn-host yarn \\
        --conn-extra '{"deploy-mode": "cluster", "queue": "default"}'

or a standalone master: ``--conn-host spark://host --conn-port 7077``; or Kubernetes:
``--conn-host k8s://https://kube-api:6443`` with ``{"deploy-mode": "cluster", "namespace": ...}``.

S3: ``hadoop-aws`` comes from the cluster or from ``--packages`` (``PACKAGES`` below); give
credentials through the cluster's instance profile / IRSA or the environment of the workers,
never in this file or in a Variable in clear text.

The pointer ``latest`` and retention are not handled here: readers take the newest
``run_date=*`` directory that has ``_SUCCESS``; expire old ones with a storage lifecycle rule
(or run ``jobs/nightly`` from cron instead, which does both).
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# The day before the run, in Shanghai. Not {{ ds }}: that is the logical date in UTC, which is
# the wrong day for an 02:30 +08:00 schedule, and which Airflow 3 no longer sets to the day before.
RUN_DATE = (
    "{{ data_interval_end.in_timezone('Asia/Shanghai').subtract(days=1).strftime('%Y-%m-%d') }}"
)

# For s3a:// input or output when the cluster does not provide hadoop-aws (Hadoop of Spark 4.1.2).
PACKAGES = "org.apache.hadoop:hadoop-aws:3.4.2"

default_args = {
    "owner": "greenstat",
    "depends_on_past": False,
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": False,
    "execution_timeout": timedelta(hours=6),
    # With SMTP configured: "email": ["stats-ops@example.org"], "email_on_failure": True.
    "email_on_failure": False,
    "email_on_retry": False,
}

with DAG(
    dag_id="greenstat_nightly",
    description="greenstat intensity tables and report, one run per day",
    schedule="30 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Shanghai"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["greenstat", "spark"],
) as dag:
    greenstat_run = SparkSubmitOperator(
        task_id="greenstat_run",
        conn_id="spark_greenstat",
        application="{{ var.value.greenstat_jar }}",
        java_class="io.greenstat.GreenstatApp",
        name="greenstat-nightly-" + RUN_DATE,
        application_args=[
            "run",
            "--input",
            "{{ var.value.greenstat_input }}",
            "--output",
            "{{ var.value.greenstat_output_root }}/run_date=" + RUN_DATE,
        ],
        # spark.greenstat.* job settings are Spark properties (README "Settings"); conf is
        # templated, so a value may also be "{{ var.value.greenstat_years }}".
        conf={
            "spark.greenstat.quality.maxQuarantinedShare": "0.05",
            # "spark.greenstat.years": "2016-2024",
        },
        packages=PACKAGES,
        driver_memory="4g",
        executor_memory="8g",
        executor_cores=4,
        num_executors=4,
        verbose=False,
    )
