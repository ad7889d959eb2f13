package io.tradekit.sample.nft.user.infrastructure;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Gives accounts authenticated before V102 their ID-number fingerprint at start-up, before the web
 * server serves, so their numbers are bound too. When several old accounts share one number, the
 * oldest keeps it and the others are reported by id (never the number) for an operator to resolve.
 * Nothing to do on a new database.
 */
@Component
class IdNumberFingerprintBackfill implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdNumberFingerprintBackfill.class);
    private static final int BATCH = 500;

    private final UserMapper mapper;
    private final IdNumberFingerprint fingerprint;

    IdNumberFingerprintBackfill(UserMapper mapper, IdNumberFingerprint fingerprint) {
        this.mapper = mapper;
        this.fingerprint = fingerprint;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    /** Fingerprints every old row; returns the ids left without one because another account holds the number. */
    List<Long> run() {
        int done = 0;
        List<Long> shared = new ArrayList<>();
        long after = 0;
        for (List<UserDO> rows = mapper.unfingerprinted(after, BATCH); !rows.isEmpty();
             rows = mapper.unfingerprinted(after, BATCH)) {
            for (UserDO row : rows) {
                after = row.getId();
                String number = row.getIdCardNo().toUpperCase(java.util.Locale.ROOT);
                try {
                    done += mapper.fingerprint(row.getId(), fingerprint.of(number));
                } catch (DuplicateKeyException e) {
                    shared.add(row.getId());
                }
            }
        }
        if (done > 0) {
            log.info("Fingerprinted the ID numbers of {} accounts authenticated before V102", done);
        }
        if (!shared.isEmpty()) {
            log.warn("{} accounts share an ID number with an older account and stay unbound, e.g. {}: resolve by "
                    + "hand (one real identity per account)", shared.size(), shared.subList(0, Math.min(20, shared.size())));
        }
        return shared;
    }
}
