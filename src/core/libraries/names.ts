/** How people write the names of the libraries retire.js calls by its component ids. */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  jquery: 'jQuery',
  'jquery-ui': 'jQuery UI',
  'jquery-ui-dialog': 'jQuery UI Dialog',
  'jquery-ui-autocomplete': 'jQuery UI Autocomplete',
  'jquery-ui-tooltip': 'jQuery UI Tooltip',
  'jquery-migrate': 'jQuery Migrate',
  'jquery-mobile': 'jQuery Mobile',
  'jquery-validation': 'jQuery Validation',
  bootstrap: 'Bootstrap',
  angularjs: 'AngularJS',
  '@angular/core': 'Angular',
  lodash: 'lodash',
  'moment.js': 'Moment.js',
  handlebars: 'Handlebars',
  DOMPurify: 'DOMPurify',
  vue: 'Vue',
  react: 'React',
  'react-dom': 'ReactDOM',
  'underscore.js': 'Underscore.js',
  'backbone.js': 'Backbone.js',
  knockout: 'Knockout',
  tinyMCE: 'TinyMCE',
  ckeditor: 'CKEditor',
  ckeditor5: 'CKEditor 5',
};

export function libraryName(component: string): string {
  return DISPLAY_NAMES[component] ?? component;
}
