// Member Enquiries' configuration of this Camunda webapp (replaces the webjar's default config.js).
export default {
  // Staff sign in and out on the product's own page (see ../../sign-in-at-product.js).
  customScripts: ['../sign-in-at-product']
};
