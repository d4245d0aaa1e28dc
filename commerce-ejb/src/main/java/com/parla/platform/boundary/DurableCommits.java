package com.parla.platform.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.SessionEventListener;

/**
 * Makes every committed transaction that wrote through the persistence unit durable before its commit returns,
 * on H2 (PostgreSQL is so already). H2 writes committed transactions to its file in the background, up to half a
 * second later, so a kill -9 lost webhooks that had been answered 200. Its {@code WRITE_DELAY=0} writes at commit
 * but also stops H2's background housekeeping, and the file then grows without end (1.9 GB after a few hundred
 * thousand messages, against 75 MB). So the delay stays and this listener, which Hibernate attaches to every
 * session ({@code hibernate.session.events.auto}), runs {@code CHECKPOINT} once a writing transaction has
 * committed: the commit is in the file when the connector answers the channel or the outbox records a send.
 * Checkpoints of transactions committing together are one write.
 */
public class DurableCommits implements SessionEventListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DurableCommits.class.getName());
    /** Off only to measure what durability costs (the benchmark), never in use. */
    static final String SETTING = "parla.db.checkpoint-commits";

    /** Whether the database needs it: decided once, at the first commit. */
    private static volatile Boolean h2;
    private static volatile DataSource dataSource;

    private transient int statements;

    @Override
    public void jdbcExecuteStatementEnd() {
        statements++;
    }

    @Override
    public void jdbcExecuteBatchEnd() {
        statements++;
    }

    @Override
    public void transactionCompletion(boolean successful) {
        boolean wrote = statements > 0;
        statements = 0;
        if (successful && wrote && !Boolean.FALSE.equals(h2)) {
            checkpoint();
        }
    }

    private static void checkpoint() {
        try (Connection connection = dataSource().getConnection()) {
            if (h2 == null) {
                boolean wanted = ConfigProvider.getConfig().getOptionalValue(SETTING, Boolean.class).orElse(true);
                h2 = wanted && "H2".equals(connection.getMetaData().getDatabaseProductName());
                LOG.info(() -> h2 ? "H2: every writing transaction is checkpointed before its commit returns"
                        : wanted ? "The database is durable at commit: no checkpoints"
                        : "H2 commits are NOT checkpointed (" + SETTING + "=false): a crash may lose the last 500 ms");
                if (!h2) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        } catch (SQLException | NamingException | RuntimeException e) {
            // the transaction stays committed; only its durability before the answer is not assured
            LOG.log(Level.WARNING, e, () -> "Checkpoint after a commit failed");
        }
    }

    private static DataSource dataSource() throws NamingException {
        DataSource known = dataSource;
        if (known == null) {
            known = InitialContext.doLookup(PlatformResources.DATA_SOURCE);
            dataSource = known;
        }
        return known;
    }
}
