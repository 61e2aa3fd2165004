package no.alarm.likemann.benchmark;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Counts database round trips at the JDBC API. One round trip is one call of {@code execute}, {@code executeQuery},
 * {@code executeUpdate}, {@code executeLargeUpdate}, {@code executeBatch} or {@code executeLargeBatch} on a
 * statement, or one {@code commit} / {@code rollback} on a connection. A JDBC batch is one round trip (the PostgreSQL
 * driver sends it in one go); the statements inside it are counted separately as "statements".
 *
 * <p>Only calls on the {@link #measure measured thread} are counted, into the {@link Stats} that is current; the job
 * executor, pool housekeeping and anything else on other threads only bumps {@link #otherThreads}.
 */
final class RoundTripCounter {

  /** What a statement's SQL touches. */
  enum Category { ENGINE, PROJECT, OTHER, TRANSACTION }

  /** Everything known about one SQL text, computed once. */
  record SqlInfo(String prefix, String verbAndTable, Category category, boolean write) {}

  /** Round trips (and statements) counted while a {@code Stats} was current. */
  static final class Stats {
    long roundTrips;
    long statements;
    long engine;
    long project;
    long projectWrites;
    long projectReads;
    long other;
    long commits;
    long rollbacks;
    /** key: first ~60 characters of the SQL; value: {round trips, statements}. */
    final Map<String, long[]> bySql = new TreeMap<>();
    /** key: verb and first table, e.g. "insert ACT_HI_ACTINST"; value: {round trips, statements}. */
    final Map<String, long[]> byTable = new TreeMap<>();

    void add(SqlInfo info, long statementCount) {
      roundTrips++;
      statements += statementCount;
      switch (info.category()) {
        case ENGINE -> engine++;
        case PROJECT -> {
          project++;
          if (info.write()) {
            projectWrites++;
          } else {
            projectReads++;
          }
        }
        case TRANSACTION -> {
          if (info.prefix().equals("COMMIT")) {
            commits++;
          } else {
            rollbacks++;
          }
        }
        case OTHER -> other++;
      }
      long[] s = bySql.computeIfAbsent(info.prefix(), k -> new long[2]);
      s[0]++;
      s[1] += statementCount;
      long[] t = byTable.computeIfAbsent(info.verbAndTable(), k -> new long[2]);
      t[0]++;
      t[1] += statementCount;
    }

    void addAll(Stats o) {
      roundTrips += o.roundTrips;
      statements += o.statements;
      engine += o.engine;
      project += o.project;
      projectWrites += o.projectWrites;
      projectReads += o.projectReads;
      other += o.other;
      commits += o.commits;
      rollbacks += o.rollbacks;
      o.bySql.forEach((k, v) -> {
        long[] s = bySql.computeIfAbsent(k, x -> new long[2]);
        s[0] += v[0];
        s[1] += v[1];
      });
      o.byTable.forEach((k, v) -> {
        long[] s = byTable.computeIfAbsent(k, x -> new long[2]);
        s[0] += v[0];
        s[1] += v[1];
      });
    }
  }

  static final RoundTripCounter INSTANCE = new RoundTripCounter();

  private static final SqlInfo COMMIT = new SqlInfo("COMMIT", "commit", Category.TRANSACTION, false);
  private static final SqlInfo ROLLBACK = new SqlInfo("ROLLBACK", "rollback", Category.TRANSACTION, false);
  private static final Pattern PROJECT_TABLE =
      Pattern.compile("\\b(referral_number_seq|referral|coupling|weekly_contact_log|contact_week|contact_log"
          + "|evaluation_answer|mentor|municipality|closing_report"
          + "|mentor_candidate|mentor_course|supervision|mentor_pause|work_participant|work_attendance"
          + "|monthly_mentor_report|monthly_participant_status|monthly_region_report|monthly_participant_goal"
          + "|monthly_report|monthly_report_delivery|referral_detail|referral_agreement|case_note|case_read)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ENGINE_TABLE = Pattern.compile("\\bACT_(?:RU|HI|RE|GE|ID)_[A-Z_]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern DATA_MODIFYING_WITH =
      Pattern.compile("^WITH \\w+ AS \\( ?(UPDATE|INSERT|DELETE)\\b", Pattern.CASE_INSENSITIVE);

  private final Map<String, SqlInfo> infoBySql = new ConcurrentHashMap<>();
  private volatile Thread measuredThread;
  private volatile Stats current;
  /** When not null, every counted round trip is also appended here (the SQL, and the statements of a batch). */
  volatile java.util.List<String> trace;
  final AtomicLong otherThreads = new AtomicLong();

  private RoundTripCounter() {}

  /** From now on, round trips of the calling thread go to {@code stats}; {@code null} stops counting. */
  void measure(Stats stats) {
    measuredThread = Thread.currentThread();
    current = stats;
  }

  private void record(SqlInfo info, long statementCount) {
    if (Thread.currentThread() != measuredThread) {
      otherThreads.incrementAndGet();
      return;
    }
    Stats s = current;
    if (s != null) {
      s.add(info, statementCount);
      java.util.List<String> t = trace;
      if (t != null) {
        t.add(String.format("%4d  %s", statementCount, info.prefix()));
      }
    }
  }

  SqlInfo info(String sql) {
    return infoBySql.computeIfAbsent(sql == null ? "" : sql, RoundTripCounter::describe);
  }

  static SqlInfo describe(String sql) {
    String flat = WHITESPACE.matcher(sql).replaceAll(" ").strip();
    String prefix = flat.length() > 60 ? flat.substring(0, 60) : flat;
    String verb = flat.isEmpty() ? "?" : flat.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    Matcher modifying = DATA_MODIFYING_WITH.matcher(flat);
    if (verb.equals("with") && modifying.find()) {
      // a data-modifying WITH writes, whatever its query then reads: counted as the write it holds
      verb = modifying.group(1).toLowerCase(Locale.ROOT);
      flat = flat.substring(modifying.start(1));
    }
    Matcher engine = ENGINE_TABLE.matcher(flat);
    Matcher project = PROJECT_TABLE.matcher(flat);
    boolean isEngine = engine.find();
    boolean isProject = project.find();
    Category category = isProject ? Category.PROJECT : isEngine ? Category.ENGINE : Category.OTHER;
    String table = isProject ? project.group(1).toLowerCase(Locale.ROOT)
        : isEngine ? engine.group().toUpperCase(Locale.ROOT) : "-";
    boolean write = verb.equals("insert") || verb.equals("update") || verb.equals("delete") || verb.equals("merge");
    return new SqlInfo(prefix, verb + " " + table, category, write);
  }

  // ---------------------------------------------------------------- JDBC proxies

  /** The data source, counting. Everything else is passed through. */
  DataSource wrap(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(RoundTripCounter.class.getClassLoader(),
        new Class<?>[] {DataSource.class, Closeable.class}, new DataSourceHandler(target));
  }

  static boolean isCounting(Object bean) {
    return Proxy.isProxyClass(bean.getClass()) && Proxy.getInvocationHandler(bean) instanceof DataSourceHandler;
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** equals, hashCode and toString of a proxy: identity, so it works as a map key (Spring's transaction resources). */
  private static Object identity(Object proxy, Object target, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "Counting(" + target + ")";
    };
  }

  private static boolean isObjectMethod(Method method) {
    return method.getDeclaringClass() == Object.class;
  }

  private final class DataSourceHandler implements InvocationHandler {
    private final DataSource target;

    DataSourceHandler(DataSource target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (isObjectMethod(method)) {
        return identity(proxy, target, method, args);
      }
      switch (method.getName()) {
        case "getConnection" -> {
          Connection c = (Connection) call(target, method, args);
          return Proxy.newProxyInstance(RoundTripCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
              new ConnectionHandler(c));
        }
        case "close" -> {
          if (target instanceof AutoCloseable closeable) {
            closeable.close();
          }
          return null;
        }
        case "unwrap" -> {
          Class<?> type = (Class<?>) args[0];
          return type.isInstance(proxy) ? proxy : target.unwrap(type);
        }
        case "isWrapperFor" -> {
          Class<?> type = (Class<?>) args[0];
          return type.isInstance(proxy) || target.isWrapperFor(type);
        }
        default -> {
          return call(target, method, args);
        }
      }
    }
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection target;

    ConnectionHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (isObjectMethod(method)) {
        return identity(proxy, target, method, args);
      }
      String name = method.getName();
      switch (name) {
        case "commit" -> {
          record(COMMIT, 0);
          return call(target, method, args);
        }
        case "rollback" -> {
          record(ROLLBACK, 0);
          return call(target, method, args);
        }
        case "createStatement" -> {
          return statement(Statement.class, call(target, method, args), null, proxy);
        }
        case "prepareStatement" -> {
          return statement(PreparedStatement.class, call(target, method, args), (String) args[0], proxy);
        }
        case "prepareCall" -> {
          return statement(CallableStatement.class, call(target, method, args), (String) args[0], proxy);
        }
        default -> {
          return call(target, method, args);
        }
      }
    }
  }

  private Object statement(Class<?> type, Object target, String sql, Object connectionProxy) {
    return Proxy.newProxyInstance(RoundTripCounter.class.getClassLoader(), new Class<?>[] {type},
        new StatementHandler(target, sql, connectionProxy));
  }

  private final class StatementHandler implements InvocationHandler {
    private final Object target;
    private final SqlInfo prepared;
    private final Object connectionProxy;
    private long batched;
    private SqlInfo batchInfo;

    StatementHandler(Object target, String sql, Object connectionProxy) {
      this.target = target;
      this.prepared = sql == null ? null : info(sql);
      this.connectionProxy = connectionProxy;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (isObjectMethod(method)) {
        return identity(proxy, target, method, args);
      }
      String name = method.getName();
      switch (name) {
        case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
          SqlInfo info = args != null && args.length > 0 && args[0] instanceof String sql ? info(sql) : prepared;
          record(info == null ? info("") : info, 1);
        }
        case "addBatch" -> {
          batched++;
          if (batchInfo == null) {
            batchInfo = args != null && args.length > 0 && args[0] instanceof String sql ? info(sql) : prepared;
          }
        }
        case "clearBatch" -> {
          batched = 0;
          batchInfo = null;
        }
        case "executeBatch", "executeLargeBatch" -> {
          SqlInfo info = batchInfo != null ? batchInfo : prepared;
          record(info == null ? info("") : info, batched);
          batched = 0;
          batchInfo = null;
        }
        case "getConnection" -> {
          return connectionProxy;
        }
        default -> { }
      }
      return call(target, method, args);
    }
  }
}
