package io.tradekit.sample.nft.onboarding.domain.diligence;

import java.util.Optional;

/** Port: where recorded due diligences are kept (every record; the latest one counts). */
public interface DueDiligenceRepository {

    void save(DueDiligence record);

    Optional<DueDiligence> latest(long applicationId);
}
