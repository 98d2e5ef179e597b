package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;

import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.search.SearchHit;
import app.lantern.search.SearchSource;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The opportunities the reader may see, for the global search. */
@Component
@Transactional(readOnly = true)
class OpportunitySearchSource implements SearchSource {

    private final DSLContext db;
    private final DataScopes scopes;

    OpportunitySearchSource(DSLContext db, DataScopes scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public List<SearchHit> candidates(int cap) {
        return db.select(OPPORTUNITIES.ID, OPPORTUNITIES.NAME)
                .from(OPPORTUNITIES)
                .where(scopes.current(RecordKind.OPPORTUNITY).condition(OPPORTUNITIES.OWNER_ID))
                .orderBy(OPPORTUNITIES.UPDATED_AT.desc(), OPPORTUNITIES.ID.desc())
                .limit(cap)
                .fetch(r -> new SearchHit(
                        "OPPORTUNITY", r.get(OPPORTUNITIES.NAME), null, "/opportunities/" + r.get(OPPORTUNITIES.ID)));
    }
}
