/**
 * Building blocks every module may use: errors, paging, request context, navigation, demo-data hooks, web layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.lantern.shared;
