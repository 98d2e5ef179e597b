package app.lantern.conversation;

/** Which side of the call said or promised something. */
public enum Party {
    SALES,
    CUSTOMER
}
