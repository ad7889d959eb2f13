package io.tradekit.sample.nft.shared.web.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The request body cap ({@code sample.web.*}). */
@ConfigurationProperties("sample.web")
public class RequestBodyLimitProperties {

    /** Largest request body read (JSON and any other non-form body); larger ones are answered 413 unread. */
    private DataSize maxRequestBody = DataSize.ofKilobytes(64);

    public DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    public void setMaxRequestBody(DataSize maxRequestBody) {
        this.maxRequestBody = maxRequestBody;
    }

    /** The cap in bytes; refuses a missing, non-positive or over-1-GiB setting, naming the property. */
    long validatedBytes() {
        if (maxRequestBody == null || maxRequestBody.toBytes() < 1 || maxRequestBody.toBytes() > (1L << 30)) {
            throw new IllegalStateException("sample.web.max-request-body must be 1B to 1GB, was " + maxRequestBody);
        }
        return maxRequestBody.toBytes();
    }
}
