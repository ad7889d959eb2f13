package io.tradekit.sample.nft.onboarding.domain;

/** Port: renders a {@link Dossier} as a PDF; ID numbers appear masked only. */
public interface DossierRenderer {

    byte[] render(Dossier dossier);
}
