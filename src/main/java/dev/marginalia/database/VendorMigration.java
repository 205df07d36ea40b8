package dev.marginalia.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that depends on the database it runs on (PostgreSQL or the embedded H2), which it asks when it
 * runs: a folder of SQL per vendor would be chosen when Flyway is configured, which needs a connection before the
 * start-up waits for the database. A subclass is a bean (Spring Boot gives Flyway the beans that are migrations),
 * with a version and a description that never change (its checksum is its version).
 */
public abstract class VendorMigration implements JavaMigration {

	private final int version;

	private final String description;

	protected VendorMigration(int version, String description) {
		this.version = version;
		this.description = description;
	}

	/** Migrates the database, in the migration's transaction. */
	protected abstract void migrate(Connection connection, boolean postgres) throws SQLException;

	@Override
	public final void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		migrate(connection, connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
	}

	@Override
	public final MigrationVersion getVersion() {
		return MigrationVersion.fromVersion(Integer.toString(version));
	}

	@Override
	public final String getDescription() {
		return description;
	}

	@Override
	public final Integer getChecksum() {
		return version;
	}

	@Override
	public final boolean canExecuteInTransaction() {
		return true;
	}

}
