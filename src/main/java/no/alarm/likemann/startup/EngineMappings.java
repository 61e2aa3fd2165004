package no.alarm.likemann.startup;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The engine's SQL mappings (Camunda's MyBatis configuration, some 70 mapping files), read on a thread of their own
 * while Spring builds the rest of the application. Reading them is the largest single piece of the start: about a
 * third of the main thread's time before the engine is up. The reading is Camunda's own code
 * ({@code initSqlSessionFactory}), run on a configuration that differs from the engine's only in its placeholder
 * data source; {@link EngineMappingsPlugin} hands the result to the engine when its settings are the ones it was read
 * for, and puts the engine's own data source and transactions in.
 *
 * <p>The settings that change the mappings are the database type, the table prefix, batch processing and the
 * statement timeout. The database type comes from the JDBC URL; the engine still detects its own from the
 * connection, and the plugin reads the mappings again if the two differ.
 */
public final class EngineMappings {

  /** What the mappings are read for. */
  public record Settings(String databaseType, String tablePrefix, boolean jdbcBatchProcessing, Integer statementTimeout) {}

  private final Settings settings;
  private final CompletableFuture<SqlSessionFactory> factory;

  private EngineMappings(Settings settings, CompletableFuture<SqlSessionFactory> factory) {
    this.settings = settings;
    this.factory = factory;
  }

  /** Starts reading the mappings for {@code settings} on a daemon thread. */
  public static EngineMappings startReading(Settings settings) {
    CompletableFuture<SqlSessionFactory> factory = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        factory.complete(read(settings));
      } catch (Throwable e) {
        factory.completeExceptionally(e);
      }
    }, "engine-mappings");
    reader.setDaemon(true);
    reader.start();
    return new EngineMappings(settings, factory);
  }

  public Settings settings() {
    return settings;
  }

  /** The mappings, waiting for the reader if need be. */
  public SqlSessionFactory factory() {
    return factory.join();
  }

  /** Reads the mappings on the calling thread, as the engine would. */
  public static SqlSessionFactory read(Settings settings) {
    Reader reader = new Reader();
    reader.setDatabaseType(settings.databaseType());
    reader.setDatabaseTablePrefix(settings.tablePrefix());
    reader.setJdbcBatchProcessing(settings.jdbcBatchProcessing());
    reader.setJdbcStatementTimeout(settings.statementTimeout());
    return reader.read();
  }

  /** The engine's own data source and transactions, in place of the placeholders the mappings were read with. */
  public static void connect(SqlSessionFactory factory, org.apache.ibatis.transaction.TransactionFactory transactions,
                             javax.sql.DataSource dataSource) {
    Configuration configuration = factory.getConfiguration();
    configuration.setEnvironment(new Environment("default", transactions, dataSource));
  }

  /**
   * The database type Camunda would give the database behind {@code jdbcUrl}, for the databases this application
   * runs on; empty for any other, which the engine then reads as it always does.
   */
  public static Optional<String> databaseTypeOf(String jdbcUrl) {
    if (jdbcUrl == null) {
      return Optional.empty();
    }
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return Optional.of("h2");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Optional.of("postgres");
    }
    return Optional.empty();
  }

  /** Camunda's reading of the mappings, on a configuration with a placeholder data source it never opens. */
  private static final class Reader extends StandaloneProcessEngineConfiguration {

    SqlSessionFactory read() {
      transactionFactory = new JdbcTransactionFactory();
      dataSource = new UnpooledDataSource();
      initSqlSessionFactory();
      return sqlSessionFactory;
    }
  }
}
