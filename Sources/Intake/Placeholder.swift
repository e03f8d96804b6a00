public enum IntakePlaceholder {}
