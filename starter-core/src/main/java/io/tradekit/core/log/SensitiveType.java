package io.tradekit.core.log;

/**
 * The kinds of personal or secret data that {@link Masking} knows how to mask, chosen with
 * {@link Sensitive#type()}.
 */
public enum SensitiveType {

    /** A mobile phone number: the first 3 and the last 4 characters stay visible. */
    MOBILE,

    /** An identity card number: the first 3 and the last 4 characters stay visible. */
    ID_CARD,

    /** A person's name: only the first character stays visible. */
    NAME,

    /** A bank card number: only the last 4 characters stay visible. */
    BANK_CARD,

    /** An e-mail address: the first character of the local part and the domain stay visible. */
    EMAIL,

    /** A password, token or key: replaced by a fixed mask that does not even reveal the length. */
    SECRET
}
